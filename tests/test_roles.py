"""Sign-in and roles under AppTest's user simulation: who reaches the importer and row-level
downloads, and an agency-limited user who sees only that agency, whatever the URL asks.

Figures of Bydel Grünerløkka as of 2024-06-30 are the hand-worked ones of
test_handmade_fixture.py: part 1 2 of 3 (67 %), part 2 2 of 3 (67 %), 0 deadlines overdue,
1 open critical or major finding. All agencies: part 2 4 of 5 (80 %), 3 overdue.
"""

from __future__ import annotations

import json

import pytest
import streamlit as st
from dashboard_dbs import ROOT
from streamlit.testing.v1 import AppTest

from etikkmonitor import settings, ui

APP = str(ROOT / "app.py")
D = "2024-06-30"
GRUNERLOKKA = "Bydel Grünerløkka"
SYKEHJEM = "Sykehjemsetaten"
NBSP = "\u00a0"
USERS = [  # e-mail, role, agencies it is limited to
    ("admin@oslo.kommune.no", "admin", None),
    ("analytiker@oslo.kommune.no", "analyst", None),
    ("leser@oslo.kommune.no", "viewer", None),
    ("bydel@oslo.kommune.no", "analyst", [GRUNERLOKKA]),
]
ACCESS = '[access]\ndefault_role = "none"\n' + "".join(
    f'\n[[access.users]]\nemail = "{email}"\nrole = "{role}"\n'
    + (f"agencies = {json.dumps(agencies, ensure_ascii=False)}\n" if agencies else "")
    for email, role, agencies in USERS
)
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "a test secret of at least 32 characters",
    "client_id": "test",
    "client_secret": "test",
    "server_metadata_url": "http://localhost/.well-known/openid-configuration",
}


@pytest.fixture
def signed_in(handmade_db, monkeypatch, tmp_path):
    """open(email or None, page=None, **url) -> AppTest with sign-in configured."""
    path = tmp_path / "access.toml"
    path.write_text(ACCESS, encoding="utf-8")
    monkeypatch.setenv("ETIKKMONITOR_SETTINGS", str(path))
    monkeypatch.setenv("ETIKKMONITOR_DB", str(handmade_db))
    settings.load.cache_clear()

    def open_(email: str | None, page: str | None = None, **url) -> AppTest:
        st.cache_data.clear()
        at = AppTest.from_file(APP, default_timeout=60)
        at.secrets["auth"] = AUTH
        at.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
        for k, value in url.items():
            at.query_params[k] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        if page:
            at.switch_page(page).run()
            assert not at.exception, [e.value for e in at.exception]
        return at

    yield open_
    settings.load.cache_clear()


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def downloads(at: AppTest) -> list[str]:
    return [b.label for b in at.get("download_button")]


def test_not_signed_in_sees_only_the_sign_in(signed_in):
    at = signed_in(None)
    assert [b.label for b in at.button] == ["Logg inn"]
    assert not at.metric and not at.dataframe


def test_signed_in_without_a_role_is_turned_away(signed_in):
    at = signed_in("fremmed@example.com")
    # the e-mail as Markdown that shows it as typed (ui.esc), never a mailto link
    assert ui.esc("fremmed@example.com") + " har ikke tilgang" in at.error[0].value
    assert not at.metric


def test_viewer_sees_figures_but_no_row_level_downloads_nor_the_importer(signed_in):
    at = signed_in("leser@oslo.kommune.no", "pages/frister.py", as_of=D)
    assert at.dataframe, "the tables are shown"
    assert downloads(at) == ["Statusrapport (PDF)"], "only the snapshot, no CSV/XLSX"
    with pytest.raises(Exception):  # noqa: B017 - the page is not in a viewer's menu at all
        at.switch_page("pages/importer.py").run()


def test_importer_page_refuses_a_non_admin_even_if_reached(signed_in, monkeypatch):
    # Defence in depth: the page checks the role itself, not only the menu.
    from etikkmonitor import auth

    monkeypatch.setattr(auth, "PERMISSIONS", auth.PERMISSIONS | {"analyst": frozenset(
        {"view", "snapshot", "download_rows", "import"})})  # fmt: skip
    at = signed_in("analytiker@oslo.kommune.no")
    monkeypatch.setattr(auth, "PERMISSIONS", auth.PERMISSIONS | {"analyst": frozenset(
        {"view", "snapshot", "download_rows"})})  # fmt: skip
    at.switch_page("pages/importer.py").run()
    # Reached on its own, the page defers to app.py, whose menu has no importer for this
    # role (the overview is shown); were it run, its own check would refuse. Either way:
    # no upload, and nothing of the importer.
    assert not at.get("file_uploader")
    assert "Importer data" not in [t.value for t in at.title]
    assert at.title[0].value == "Oversikt" or "Bare administratorer" in at.warning[0].value


def test_analyst_downloads_rows(signed_in):
    at = signed_in("analytiker@oslo.kommune.no", "pages/frister.py", as_of=D)
    assert "Last ned CSV" in downloads(at) and "Last ned Excel" in downloads(at)


def test_admin_reaches_the_importer(signed_in):
    at = signed_in("admin@oslo.kommune.no", "pages/importer.py")
    assert at.title[0].value == "Importer data"
    assert at.get("file_uploader")


@pytest.mark.parametrize("url_agency", [None, SYKEHJEM])
def test_agency_limited_user_sees_only_their_agency(signed_in, url_agency):
    url = {"as_of": D} | ({"agency": url_agency} if url_agency else {})
    at = signed_in("bydel@oslo.kommune.no", **url)
    m = metrics(at)
    assert m["Oslomodellen del 1: seriøsitetskrav"] == f"67{NBSP}%"
    assert m["Oslomodellen del 2: etisk handel"] == f"67{NBSP}%"
    assert m["Overskredne frister"] == "0"
    assert m["Åpne kritiske og alvorlige avvik"] == "1"
    assert at.sidebar.multiselect(key="flt_agencies").options == [GRUNERLOKKA]
    assert any(f"virksomhet: {GRUNERLOKKA}" in c.value for c in at.caption)


@pytest.mark.parametrize(
    "page",
    ["pages/oslomodellen.py", "pages/sosial_dialog.py", "pages/frister.py",
     "pages/oppfolging.py", "pages/kontrakt.py"],
)  # fmt: skip
def test_agency_limited_user_is_limited_on_every_page(signed_in, page):
    at = signed_in("bydel@oslo.kommune.no", page, as_of=D, agency=SYKEHJEM)
    assert any(f"virksomhet: {GRUNERLOKKA}" in c.value for c in at.caption), page
    assert not any(SYKEHJEM in c.value for c in at.caption)


def test_agency_limited_snapshot_holds_only_their_figures(signed_in, handmade_db):
    """The sidebar's PDF is built from the view's filters, which the limit has narrowed."""
    from datetime import date

    from etikkmonitor import db
    from etikkmonitor.filters import Filters
    from etikkmonitor.snapshot import build_pdf
    from etikkmonitor.ui import View

    at = signed_in("bydel@oslo.kommune.no", as_of=D, agency=SYKEHJEM)
    v: View = at.session_state["_em_view"]
    assert v.filters == Filters(agencies=(GRUNERLOKKA,))
    store = db.Store(handmade_db)  # as the app opened it: one configuration per process
    pdf = build_pdf(store, date(2024, 6, 30), v.filters)
    store.close()
    import io

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert GRUNERLOKKA in text
    assert "2 av 3 relevante kontrakter har krav om etisk handel" in text


# Bydel Grünerløkka's contracts in the fixture (test_handmade_fixture.py): it owns K02, K03,
# K06, K07 and K10 and has call-offs on K04 and K09. K01 is UKE's, with no Grünerløkka call-off.
GRUNERLOKKA_CONTRACTS = ["K02", "K03", "K04", "K06", "K07", "K09", "K10"]


def test_agency_limited_user_cannot_open_another_agencys_contract(signed_in):
    at = signed_in("bydel@oslo.kommune.no", "pages/kontrakt.py", as_of=D, contract="K01")
    choice = at.selectbox(key="url_contract")
    # the labels read "ID · title · agency"
    assert sorted(o.split(" · ")[0] for o in choice.options) == GRUNERLOKKA_CONTRACTS
    assert "K01 finnes ikke i dataene, eller du har ikke tilgang til den" in at.warning[0].value
    # the largest of the seven instead: K06 at 2 000 000 (K02 1 250 000,50, K09 1 250 000)
    assert choice.value == "K06"
    assert at.header[0].value == "K06 · Møbler til skoler"
    shown = " ".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "BD-001" not in shown, "none of K01's factories"


def test_unlimited_user_opens_any_contract(signed_in):
    at = signed_in("analytiker@oslo.kommune.no", "pages/kontrakt.py", as_of=D, contract="K01")
    assert at.selectbox(key="url_contract").value == "K01"
    assert not at.warning
    assert at.header[0].value.startswith("K01 · ")


def _columns(at: AppTest) -> set[str]:
    return {c for df in at.dataframe for c in df.value.columns}


def test_agency_limited_user_sees_why_rows_were_rejected_not_their_values(signed_in):
    at = signed_in("bydel@oslo.kommune.no", "pages/datakvalitet.py")
    assert {"Fil", "Linje", "Kolonne", "Årsak"} <= _columns(at), "where and why"
    assert "Verdi i filen" not in _columns(at) and "Eksempel" not in _columns(at)
    shown = " ".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "ca. 1 mill" not in shown  # K16's value (kontrakter.csv:17), another agency's row
    assert any(
        "avvist rad kan høre til hvilken som helst virksomhet" in c.value for c in at.caption
    )
    full = signed_in("analytiker@oslo.kommune.no", "pages/datakvalitet.py")
    assert {"Verdi i filen", "Eksempel"} <= _columns(full)
    assert "ca. 1 mill" in " ".join(str(df.value.to_dict()) for df in full.dataframe)


def test_a_link_cannot_write_into_the_contract_warning(signed_in):
    payload = "K99 ![x](https://example.invalid/p.png) [Logg inn her](https://example.invalid/)"
    at = signed_in("analytiker@oslo.kommune.no", "pages/kontrakt.py", as_of=D, contract=payload)
    warning = at.warning[0].value
    assert warning.startswith("Kontrakten i lenken finnes ikke i dataene")
    assert "example.invalid" not in warning and "](" not in warning
    # an id-like value is repeated, so the reader sees which link failed
    at = signed_in("analytiker@oslo.kommune.no", "pages/kontrakt.py", as_of=D, contract="K99")
    assert at.warning[0].value.startswith("Kontrakten K99 finnes ikke i dataene")


def test_agency_limited_user_sees_own_calloffs_and_the_others_as_one_total(signed_in):
    # K09 (avrop.csv): Sykehjemsetaten 2024 250 000 and Bydel Grünerløkka 2024 125 000,00.
    # Grünerløkka sees its own row and one line for the other agency: 1 agency, 1 call-off,
    # 250 000; never Sykehjemsetaten's name in the table. The tab counts both call-offs.
    at = signed_in("bydel@oslo.kommune.no", "pages/kontrakt.py", as_of=D, contract="K09")
    assert at.selectbox(key="url_contract").value == "K09"
    assert "Avrop (2)" in [t.label for t in at.tabs]
    (table,) = [df.value for df in at.dataframe if "Beløp" in df.value.columns]
    data = table.data if hasattr(table, "data") else table
    assert data["Virksomhet"].tolist() == [
        "Bydel Grünerløkka",
        "Andre virksomheter i alt (1 virksomheter, 1 avrop)",
    ]
    assert data["Beløp"].tolist() == [125_000, 250_000]
    assert "Sykehjemsetaten" not in str(data.to_dict())
    assert any("bare som én sum" in c.value for c in at.caption)
    # an unlimited user sees both agencies' rows
    full = signed_in("analytiker@oslo.kommune.no", "pages/kontrakt.py", as_of=D, contract="K09")
    (table,) = [df.value for df in full.dataframe if "Beløp" in df.value.columns]
    data = table.data if hasattr(table, "data") else table
    assert sorted(data["Virksomhet"]) == ["Bydel Grünerløkka", "Sykehjemsetaten"]


@pytest.mark.parametrize(
    "secrets",
    [
        {},  # no [auth] at all
        {"Auth": AUTH},  # misspelt
        {"auth": AUTH | {"cookie_secret": ""}},  # incomplete
    ],
    ids=["missing", "misspelt", "incomplete"],
)
def test_sign_in_fails_closed(handmade_db, monkeypatch, tmp_path, secrets):
    """[access] names users but sign-in is missing, misspelt or incomplete: the app serves
    nothing (before: local mode, everyone an admin), and says why."""
    path = tmp_path / "access.toml"
    path.write_text(ACCESS, encoding="utf-8")
    monkeypatch.setenv("ETIKKMONITOR_SETTINGS", str(path))
    monkeypatch.setenv("ETIKKMONITOR_DB", str(handmade_db))
    settings.load.cache_clear()
    try:
        st.cache_data.clear()
        at = AppTest.from_file(APP, default_timeout=60)
        for k, value in secrets.items():
            at.secrets[k] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert "Etikkmonitor starter ikke med dette oppsettet" in at.error[0].value
        assert not at.metric and not at.dataframe and not at.sidebar.multiselect
        assert "Lokal modus" not in " ".join(c.value for c in at.caption)
        at.switch_page("pages/importer.py").run()  # the page's file run on its own
        assert not at.get("file_uploader"), "the importer is not reached"
        assert "Etikkmonitor starter ikke med dette oppsettet" in at.error[0].value
    finally:
        settings.load.cache_clear()
