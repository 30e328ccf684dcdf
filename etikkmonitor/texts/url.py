"""Notes about a page's address (a copied or hand-made link) and Streamlit's own widget words.
Values from the address are escaped before they are put in (st.warning reads Markdown)."""

TEXT = {
    "dash.url.bad_date": {
        "nb": "Datoen i lenken kan ikke brukes: {problem}. Siden viser i dag, {today}, i stedet.",
        "en": "The date in the link cannot be used: {problem}. The page shows today, {today}, "
        "instead.",
    },
    "dash.url.unknown_agency": {
        "nb": "Lenken nevner virksomheten «{name}», som ikke finnes i dataene; den er utelatt "
        "fra utvalget. Nærmest: {closest}.",
        "en": "The link names the agency '{name}', which is not in the data; it is left out of "
        "the selection. Closest: {closest}.",
    },
    "dash.url.unknown_agency.none": {
        "nb": "Lenken nevner virksomheten «{name}», som ikke finnes i dataene; den er utelatt "
        "fra utvalget.",
        "en": "The link names the agency '{name}', which is not in the data; it is left out of "
        "the selection.",
    },
    "dash.url.ambiguous_agency": {
        "nb": "Lenken nevner virksomheten «{name}», som passer til flere: {names}. Den er "
        "utelatt fra utvalget; velg i menyen til venstre.",
        "en": "The link names the agency '{name}', which fits several: {names}. It is left out "
        "of the selection; choose in the menu on the left.",
    },
    # st.file_uploader's own words, in Norwegian (ui.uploader_words)
    "upload.button": {"nb": "Last opp", "en": "Upload"},
    "upload.limit": {
        "nb": "Høyst {mb} MB per fil • {types}",
        "en": "{mb} MB per file • {types}",
    },
    "imp.missing_tables": {
        "nb": "Eksporten har ingen fil for {tables}. En import erstatter hele datasettet, så "
        "disse tabellene blir tomme om du publiserer. Last opp hele eksporten for å beholde dem.",
        "en": "The export has no file for {tables}. An import replaces the whole dataset, so "
        "these tables will be empty if you publish. Upload the whole export to keep them.",
    },
}
