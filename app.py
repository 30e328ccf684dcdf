"""Etikkmonitor: the dashboard. Start with `streamlit run app.py` (see README).

The database is $ETIKKMONITOR_DB, else data/etikkmonitor.duckdb (built from data/demo/ the first
time). Shared page furniture lives in etikkmonitor/ui/, figures in etikkmonitor/charts.py (and
maps.py, timecharts.py).
"""

import streamlit as st

from etikkmonitor import ui
from etikkmonitor.i18n import t

lang = ui.language()
who = ui.gate(lang)  # sign-in when configured; stops here for those not allowed in
# Listed explicitly: the order is the menu's. url_path is the page's address (?contract=... etc.).
# No icons: the browser shows a page's icon as the tab's favicon, and a :material: one is then
# fetched from the internet (the dashboard must work without it).
FILES = {
    "pages/oversikt.py": ("dash.page.overview", None),
    "pages/oslomodellen.py": ("dash.page.oslo", "oslomodellen"),
    "pages/arlig_gjennomgang.py": ("rev.page", "arlig-gjennomgang"),
    "pages/sosial_dialog.py": ("dash.page.dialogue", "sosial-dialog"),
    "pages/fabrikker.py": ("fab.page", "fabrikker"),
    "pages/frister.py": ("dash.page.deadlines", "frister-og-avvik"),
    "pages/oppfolging.py": ("priority.page.title", "oppfolging"),
    "pages/kontrakt.py": ("dash.page.contract", "kontrakt"),
    "pages/datakvalitet.py": ("dash.page.quality", "datakvalitet"),
}
if who.can("import"):
    FILES["pages/importer.py"] = ("imp.page", "importer")
PAGES = {
    file: st.Page(file, title=t(title, lang), url_path=url_path, default=url_path is None)
    for file, (title, url_path) in FILES.items()
}
page = st.navigation(list(PAGES.values()))
# A fresh server's first direct link runs its page file on its own, which hands over to this
# script (ui.view). st.navigation knows a page by its url_path, not its file name, so go to the
# page asked for by a page switch, which also puts the page's own address in the browser's bar.
asked = PAGES.get(ui.deferred_page())
if asked is not None and asked is not page:
    # the link's parameters (date, filters, contract) go along: a switch starts without them
    st.switch_page(asked, query_params={k: st.query_params.get_all(k) for k in st.query_params})
ui.setup()
page.run()
