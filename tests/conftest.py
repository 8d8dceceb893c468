from types import SimpleNamespace

from wagtail.models import Site

import pytest

from tests.factories import (
    NewsIndexPageFactory,
    PeopleIndexPageFactory,
    WhitePaperIndexPageFactory,
)


@pytest.fixture
def home(db):
    """The home page the migrations create at the site root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site_tree(home):
    """Home with the three section listings under it."""
    return SimpleNamespace(
        home=home,
        news=NewsIndexPageFactory(parent=home),
        papers=WhitePaperIndexPageFactory(parent=home),
        people=PeopleIndexPageFactory(parent=home),
    )
