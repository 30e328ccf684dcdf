"""Importer data: upload an export, read the check, publish on confirmation; the import history,
roll-back and the comparison of two imports. Admins only. The same code path as the command
line's `import` (etikkmonitor.importer), behind the same guards; the page's parts are in
etikkmonitor/ui/importer_check.py and importer_history.py."""

import streamlit as st

from etikkmonitor import auth, ui
from etikkmonitor.ui import importer_check, importer_history

v = ui.page("imp.page", "imp.intro", needs_data=False)
who = auth.current()
if not who.can("import"):
    st.warning(v.t("imp.no_access"), icon=":material/lock:")
    st.stop()
store = ui.store(v.db_path)
user = who.email or "lokal"
importer_check.notice()
importer_check.upload(v, store)  # 1. upload and check
importer_check.result(v, store, user)  # 2. the check, 3. publish
importer_history.history(v, store, who, user)
