"""Etikkmonitor: the dashboard. Start with `streamlit run app.py` (see README).

The database is $ETIKKMONITOR_DB, else data/etikkmonitor.duckdb (built from data/demo/ the first
time). Shared page furniture lives in etikkmonitor/ui.py, figures in etikkmonitor/charts.py.
"""

import streamlit as st

from etikkmonitor import ui
from etikkmonitor.i18n import t

lang = ui.language()
who = ui.gate(lang)  # sign-in when configured; stops here for those not allowed in
home = ui.home_page("pages/oversikt.py")
# Listed explicitly: the order is the menu's. url_path is the page's address (?contract=... etc.).
# No icons: the browser shows a page's icon as the tab's favicon, and a :material: one is then
# fetched from the internet (the dashboard must work without it).
PAGES = [
    st.Page(
        "pages/oversikt.py",
        title=t("dash.page.overview", lang),
        default=home == "pages/oversikt.py",
    ),
    st.Page(
        "pages/oslomodellen.py",
        title=t("dash.page.oslo", lang),
        url_path="oslomodellen",
        default=home == "pages/oslomodellen.py",
    ),
    st.Page(
        "pages/sosial_dialog.py",
        title=t("dash.page.dialogue", lang),
        url_path="sosial-dialog",
        default=home == "pages/sosial_dialog.py",
    ),
    st.Page(
        "pages/frister.py",
        title=t("dash.page.deadlines", lang),
        url_path="frister-og-avvik",
        default=home == "pages/frister.py",
    ),
    st.Page(
        "pages/oppfolging.py",
        title=t("priority.page.title", lang),
        url_path="oppfolging",
        default=home == "pages/oppfolging.py",
    ),
    st.Page(
        "pages/kontrakt.py",
        title=t("dash.page.contract", lang),
        url_path="kontrakt",
        default=home == "pages/kontrakt.py",
    ),
    st.Page(
        "pages/datakvalitet.py",
        title=t("dash.page.quality", lang),
        url_path="datakvalitet",
        default=home == "pages/datakvalitet.py",
    ),
]
if who.can("import"):
    PAGES.append(
        st.Page(
            "pages/importer.py",
            title=t("imp.page", lang),
            url_path="importer",
            default=home == "pages/importer.py",
        )
    )
page = st.navigation(PAGES)
ui.setup()
page.run()
