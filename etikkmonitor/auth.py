"""Who is using the app and what they may do: roles by e-mail from the settings file.

Sign-in itself is Streamlit's (`st.login`, OpenID Connect, configured in
.streamlit/secrets.toml); this module only turns a signed-in e-mail into a role and the agencies
the person may see. Without sign-in configured, the app runs in local mode with full rights, for
one person on one machine: only while the server listens on the loopback address. Sign-in fails
closed (`setup_problems`): settings that name users, or an [auth] section that is misspelt or
incomplete, stop the app with a clear message instead of falling back to local mode.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlparse

from . import settings
from .filters import Filters

ROLES = ("viewer", "analyst", "admin")
# What each role may do; each role includes the ones before it.
PERMISSIONS = {
    "viewer": frozenset({"view", "snapshot"}),
    "analyst": frozenset({"view", "snapshot", "download_rows"}),
    "admin": frozenset({"view", "snapshot", "download_rows", "import", "rollback"}),
}


@dataclass(frozen=True)
class Identity:
    email: str | None
    name: str | None
    role: str | None  # None: signed in but not allowed in
    agencies: tuple[str, ...] = ()  # empty: every agency
    local_mode: bool = False

    def can(self, action: str) -> bool:
        return self.role is not None and action in PERMISSIONS[self.role]

    @property
    def limited(self) -> bool:
        return bool(self.agencies)


LOCAL = Identity(email=None, name=None, role="admin", local_mode=True)


def identity_for(
    email: str | None, name: str | None = None, access: dict | None = None
) -> Identity:
    """The role and agency limits of a signed-in person, from the [access] settings."""
    access = access if access is not None else settings.load().get("access", {})
    key = (email or "").strip().lower()
    for user in access.get("users", []):
        if str(user.get("email", "")).strip().lower() == key and key:
            role = user.get("role", "viewer")
            if role not in ROLES:
                raise ValueError(f"unknown role {role!r} for {email} in the settings file")
            return Identity(email, name, role, tuple(user.get("agencies", ()) or ()))
    default = access.get("default_role", "none")
    return Identity(email, name, default if default in ROLES else None)


def restrict(filters: Filters, who: Identity) -> Filters:
    """The filters narrowed to what the person may see: an agency-limited user never gets
    more than their agencies, whatever the URL or the sidebar asks for."""
    if not who.limited:
        return filters
    asked = [a for a in filters.agencies if a in who.agencies]
    return replace(filters, agencies=tuple(asked) or who.agencies)


LOOPBACK = ("127.0.0.1", "localhost", "::1")
# the top-level keys of [auth] that st.login() (the default provider) needs
AUTH_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")
MIN_COOKIE_SECRET = 32  # characters: the cookie that holds a signed-in identity is signed with it


def _auth_problems(section) -> list[str]:
    if not isinstance(section, Mapping):
        return ["[auth] in .streamlit/secrets.toml must be a section ([auth]), not a value"]
    out = []
    missing = [k for k in AUTH_KEYS if not str(section.get(k) or "").strip()]
    if missing:
        out.append(f"[auth] in .streamlit/secrets.toml lacks {', '.join(missing)}")
    uri = str(section.get("redirect_uri") or "")
    if uri and not (urlparse(uri).scheme in ("http", "https") and uri.endswith("/oauth2callback")):
        out.append(
            "[auth] redirect_uri must be the app's http(s) address ending in /oauth2callback"
        )
    meta = urlparse(str(section.get("server_metadata_url") or ""))
    if meta.geturl() and not (
        meta.scheme == "https" or (meta.scheme == "http" and meta.hostname in LOOPBACK)
    ):  # the identity provider's keys come from there: http only from this machine
        out.append("[auth] server_metadata_url must be an https address")
    secret = str(section.get("cookie_secret") or "")
    if secret and (len(secret) < MIN_COOKIE_SECRET or secret == "a long random string"):
        out.append(
            f"[auth] cookie_secret must be a random string of {MIN_COOKIE_SECRET}+ characters"
        )
    return out


def setup_problems(secrets: Mapping, access: Mapping, address: str | None) -> list[str]:
    """Why the app must not serve with these settings; empty when it may.

    secrets: .streamlit/secrets.toml; access: the settings' [access]; address: Streamlit's
    server.address (None or empty: every interface).

    - An [auth] section must be complete and sane (else sign-in would not work, or not safely).
    - Without [auth], nobody may be meant to sign in: [access] naming users or giving unlisted
      people a role, or a section whose name looks like a misspelt [auth] ([Auth], [oauth] ...),
      means sign-in was meant, and local mode would let everyone in as admin.
    - Without [auth], local mode is for one person on one machine: the server must listen on
      the loopback address only.
    """
    if "auth" in secrets:
        return _auth_problems(secrets["auth"])
    out = []
    users = [u for u in access.get("users", []) or [] if isinstance(u, Mapping)]
    if users:
        out.append(
            f"the settings' [access] names {len(users)} user(s), but sign-in is not configured:"
            " no [auth] section in .streamlit/secrets.toml"
        )
    elif str(access.get("default_role", "none")) != "none":
        out.append(
            "the settings' [access] gives a default_role, but sign-in is not configured:"
            " no [auth] section in .streamlit/secrets.toml"
        )
    lookalikes = [
        str(k)
        for k in secrets
        if str(k) != "auth"
        and (
            "auth" in str(k).lower()
            or difflib.SequenceMatcher(None, str(k).lower(), "auth").ratio() >= 0.75
        )
    ]
    if lookalikes:
        out.append(
            f"section [{lookalikes[0]}] in .streamlit/secrets.toml looks like a misspelt [auth]:"
            " sign-in is not configured"
        )
    if not out and (address or "").strip().strip("[]") not in LOOPBACK:
        out.append(
            "local mode (no sign-in) serves only this machine, but server.address is"
            f" {address or '(every interface)'}: set server.address to 127.0.0.1, or configure"
            " sign-in ([auth] in .streamlit/secrets.toml)"
        )
    return out


def configured() -> bool:
    """Sign-in is configured: an [auth] section in .streamlit/secrets.toml."""
    import streamlit as st

    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file, or one not readable (problems_here stops that)
        return False


SECRETS_UNREADABLE = "a secrets file (.streamlit/secrets.toml) is not valid TOML"


def secrets() -> tuple[dict, str | None]:
    """The secrets files as a dict (empty without one), and a problem when one exists but
    cannot be read: Streamlit reports that as a missing file, which must not mean "no sign-in"."""
    import streamlit as st
    from streamlit import config

    try:
        return st.secrets.to_dict(), None
    except FileNotFoundError:
        files = config.get_option("secrets.files") or []
        if any(Path(f).expanduser().is_file() for f in files):
            return {}, SECRETS_UNREADABLE
        return {}, None


def problems_here() -> list[str]:
    """`setup_problems` for this Streamlit process: its secrets, settings and server.address.
    A local-mode page opened from another machine (a proxy in front, or an address set on the
    command line) is refused too."""
    import streamlit as st

    found, unreadable = secrets()
    if unreadable:
        return [unreadable]
    out = setup_problems(found, settings.load().get("access", {}), st.get_option("server.address"))
    if not out and not configured():
        # None for a browser on this machine, else the address (AppTest gives a stand-in)
        ip = st.context.ip_address
        if isinstance(ip, str) and ip.strip("[]") not in LOOPBACK:
            out.append("local mode (no sign-in) serves only this machine's own browser")
    return out


def problems_before_start(streamlit_args: list[str]) -> list[str]:
    """`setup_problems` for a `streamlit run app.py ARGS` about to start in this folder: the
    secrets files, settings and server.address Streamlit would use (config.toml, environment
    STREAMLIT_SERVER_ADDRESS, or --server.address in ARGS). scripts/run.sh asks first."""
    from streamlit import config

    flags = {}
    for i, arg in enumerate(streamlit_args):
        if arg.startswith("--server.address="):
            flags["server.address"] = arg.split("=", 1)[1]
        elif arg == "--server.address" and i + 1 < len(streamlit_args):
            flags["server.address"] = streamlit_args[i + 1]
    config.get_config_options(force_reparse=True, options_from_flags=flags)
    found, unreadable = secrets()
    if unreadable:
        return [unreadable]
    return setup_problems(
        found, settings.load().get("access", {}), config.get_option("server.address")
    )


def current() -> Identity:
    """The person using this session: local mode without sign-in configured, else the
    signed-in user's role (role None when not signed in or not allowed in)."""
    import streamlit as st

    if not configured():
        return LOCAL
    if not st.user.is_logged_in:
        return Identity(None, None, None)
    return identity_for(st.user.get("email"), st.user.get("name"))
