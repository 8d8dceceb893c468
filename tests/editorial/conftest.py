from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from editorial.roles import EDITOR_GROUP, PUBLISHER_GROUP

PASSWORD = "lösenord-för-test"


def _member(group_name: str, username: str, first_name: str, last_name: str):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    """A member of Redaktör, as the data migration set the group up."""
    return _member(EDITOR_GROUP, "redaktor", "Rita", "Redaktör")


@pytest.fixture
def publisher(db):
    """A member of Ansvarig utgivare."""
    return _member(PUBLISHER_GROUP, "utgivare", "Ulla", "Utgivare")
