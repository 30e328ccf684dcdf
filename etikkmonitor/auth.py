"""Who is using the app and what they may do: roles by e-mail from the settings file.

Sign-in itself is Streamlit's (`st.login`, OpenID Connect, configured in
.streamlit/secrets.toml); this module only turns a signed-in e-mail into a role and the agencies
the person may see. Without sign-in configured, the app runs in local mode with full rights.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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


def configured() -> bool:
    """Sign-in is configured: an [auth] section in .streamlit/secrets.toml."""
    import streamlit as st

    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False


def current() -> Identity:
    """The person using this session: local mode without sign-in configured, else the
    signed-in user's role (role None when not signed in or not allowed in)."""
    import streamlit as st

    if not configured():
        return LOCAL
    if not st.user.is_logged_in:
        return Identity(None, None, None)
    return identity_for(st.user.get("email"), st.user.get("name"))
