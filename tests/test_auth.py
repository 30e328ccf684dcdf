"""Roles by e-mail and agency limits."""

import pytest

from etikkmonitor.auth import LOCAL, identity_for, restrict
from etikkmonitor.filters import Filters

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
