"""Roles by e-mail and agency limits."""

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from etikkmonitor.auth import LOCAL, identity_for, restrict, setup_problems
from etikkmonitor.filters import Filters

ROOT = Path(__file__).resolve().parents[1]
ACCESS = {
    "default_role": "none",
    "users": [
        {"email": "Admin@Oslo.kommune.no", "role": "admin"},
        {"email": "analytiker@oslo.kommune.no", "role": "analyst"},
        {"email": "alna@oslo.kommune.no", "role": "viewer", "agencies": ["Bydel Alna"]},
    ],
}


def test_roles_by_email_case_insensitive():
    assert identity_for("admin@oslo.kommune.no", access=ACCESS).role == "admin"
    assert identity_for(" ANALYTIKER@oslo.kommune.no", access=ACCESS).role == "analyst"


def test_permissions_grow_with_role():
    viewer = identity_for("alna@oslo.kommune.no", access=ACCESS)
    analyst = identity_for("analytiker@oslo.kommune.no", access=ACCESS)
    admin = identity_for("admin@oslo.kommune.no", access=ACCESS)
    assert viewer.can("view") and viewer.can("snapshot")
    assert not viewer.can("download_rows") and not viewer.can("import")
    assert analyst.can("download_rows") and not analyst.can("import")
    assert admin.can("import") and admin.can("rollback")


def test_unknown_user_gets_the_default_role():
    assert identity_for("stranger@example.com", access=ACCESS).role is None
    assert not identity_for("stranger@example.com", access=ACCESS).can("view")
    access = ACCESS | {"default_role": "viewer"}
    assert identity_for("stranger@example.com", access=access).role == "viewer"


def test_local_mode_has_full_rights():
    assert LOCAL.local_mode and LOCAL.can("import") and not LOCAL.limited


def test_bad_role_in_settings_is_an_error():
    with pytest.raises(ValueError, match="unknown role"):
        identity_for("x@y.no", access={"users": [{"email": "x@y.no", "role": "boss"}]})


@pytest.mark.parametrize(
    ("asked", "seen"),
    [
        ((), ("Bydel Alna",)),  # nothing chosen: their own agencies
        (("Bymiljøetaten",), ("Bydel Alna",)),  # another agency: never
        (("Bydel Alna", "Bymiljøetaten"), ("Bydel Alna",)),  # the allowed part of a choice
    ],
)
def test_agency_limited_user_never_sees_more(asked, seen):
    who = identity_for("alna@oslo.kommune.no", access=ACCESS)
    assert restrict(Filters(agencies=asked, categories=("Renhold",)), who) == Filters(
        agencies=seen, categories=("Renhold",)
    )


def test_unlimited_user_keeps_filters():
    f = Filters(agencies=("Bymiljøetaten",))
    assert restrict(f, LOCAL) == f


# --- sign-in fails closed (issue 14 item 3) ----------------------------------------------------

AUTH = {
    "redirect_uri": "https://etikkmonitor.example.no/oauth2callback",
    "cookie_secret": "k3Jd9vX2mQ8pL5tR7wY1zA4cF6hN0bE3",  # 32 characters
    "client_id": "00000000-0000-0000-0000-000000000000",
    "client_secret": "secret",
    "server_metadata_url": "https://login.microsoftonline.com/t/v2.0/.well-known/openid-configuration",
}
USERS = {"default_role": "none", "users": [{"email": "a@oslo.kommune.no", "role": "admin"}]}
NOBODY = {"default_role": "none"}


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1", "[::1]"])
def test_local_mode_on_the_loopback_address_may_start(address):
    assert setup_problems({}, NOBODY, address) == []


@pytest.mark.parametrize("address", [None, "", "0.0.0.0", "::", "10.0.0.5"])
def test_local_mode_on_another_address_is_refused(address):
    (problem,) = setup_problems({}, NOBODY, address)
    assert "local mode (no sign-in) serves only this machine" in problem


def test_users_named_without_sign_in_are_refused_even_on_loopback():
    (problem,) = setup_problems({}, USERS, "127.0.0.1")
    assert "[access] names 1 user(s), but sign-in is not configured" in problem
    (problem,) = setup_problems({}, {"default_role": "viewer"}, "127.0.0.1")
    assert "default_role" in problem


@pytest.mark.parametrize("name", ["Auth", "AUTH", "oauth", "auth2", "authentication", "aut"])
def test_a_misspelt_auth_section_is_refused(name):
    problems = setup_problems({name: AUTH}, USERS, "0.0.0.0")
    assert any(f"[{name}] in .streamlit/secrets.toml looks like a misspelt [auth]" in p
               for p in problems)  # fmt: skip
    # also with no users named: someone meant to configure sign-in
    assert setup_problems({name: AUTH}, NOBODY, "127.0.0.1")


def test_complete_sign_in_may_listen_anywhere():
    assert setup_problems({"auth": AUTH}, USERS, "0.0.0.0") == []
    assert setup_problems({"auth": AUTH, "other": {"x": 1}}, NOBODY, None) == []


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"cookie_secret": None}, "lacks cookie_secret"),
        ({"client_id": ""}, "lacks client_id"),
        ({"redirect_uri": None, "client_secret": None}, "lacks redirect_uri, client_secret"),
        ({"redirect_uri": "https://etikkmonitor.example.no/"}, "ending in /oauth2callback"),
        ({"redirect_uri": "javascript:alert(1)//oauth2callback"}, "ending in /oauth2callback"),
        ({"cookie_secret": "short"}, "32+ characters"),
        ({"cookie_secret": "a long random string"}, "32+ characters"),  # the example's text
        ({"server_metadata_url": "http://idp.example.no/.well-known/x"}, "https address"),
    ],
)
def test_incomplete_or_unsafe_sign_in_is_refused(change, says):
    auth = {k: v for k, v in (AUTH | change).items() if v is not None}
    problems = setup_problems({"auth": auth}, USERS, "0.0.0.0")
    assert any(says in p for p in problems), problems
    assert setup_problems({"auth": "yes"}, USERS, "0.0.0.0")  # a value, not a section


def test_shipped_streamlit_config_fails_closed():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"  # no tracebacks or paths in a browser
    assert "check-setup" in (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")


def check_setup(tmp_path, *args, secrets=None, settings=None):
    """`etikkmonitor check-setup ARGS` in a folder with the repository's config.toml and the
    given secrets.toml and settings file (a fresh process: Streamlit keeps secrets loaded)."""
    (tmp_path / ".streamlit").mkdir(exist_ok=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", tmp_path / ".streamlit" / "config.toml")
    if secrets is not None:
        (tmp_path / ".streamlit" / "secrets.toml").write_text(secrets, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    env |= {"PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    env.pop("ETIKKMONITOR_SETTINGS", None)
    if settings is not None:
        (tmp_path / "s.toml").write_text(settings, encoding="utf-8")
        env["ETIKKMONITOR_SETTINGS"] = str(tmp_path / "s.toml")
    return subprocess.run(
        [sys.executable, "-m", "etikkmonitor", "check-setup", "--", *args],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


USERS_TOML = '[access]\n[[access.users]]\nemail = "a@oslo.kommune.no"\nrole = "admin"\n'
AUTH_TOML = "[auth]\n" + "".join(f'{k} = "{v}"\n' for k, v in AUTH.items())


def test_run_sh_check_refuses_a_start_that_would_fail_open(tmp_path):
    ok = check_setup(tmp_path)  # no sign-in, config.toml's 127.0.0.1: local mode
    assert ok.returncode == 0, ok.stderr
    wide = check_setup(tmp_path, "--server.port", "8502", "--server.address", "0.0.0.0")
    assert wide.returncode == 2 and "server.address is 0.0.0.0" in wide.stderr
    users = check_setup(tmp_path, settings=USERS_TOML)
    assert users.returncode == 2 and "names 1 user(s)" in users.stderr
    assert "not started" in users.stderr
    misspelt = check_setup(
        tmp_path, settings=USERS_TOML, secrets=AUTH_TOML.replace("[auth]", "[Auth]")
    )
    assert misspelt.returncode == 2 and "[Auth]" in misspelt.stderr
    broken = check_setup(
        tmp_path, settings=USERS_TOML, secrets=AUTH_TOML.replace("[auth]", "[auth")
    )
    assert broken.returncode == 2 and "not valid TOML" in broken.stderr
    signed = check_setup(
        tmp_path, "--server.address=0.0.0.0", settings=USERS_TOML, secrets=AUTH_TOML
    )
    assert signed.returncode == 0, signed.stderr
