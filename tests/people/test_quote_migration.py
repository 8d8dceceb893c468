"""The person's quote used to be called `headline`; saved revisions move too."""

import importlib

from django.apps import apps

import pytest

from tests.factories import PersonPageFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("people.migrations.0003_person_story_headline")


def test_old_revisions_keep_their_quote_as_a_quote(site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Anna Ek")
    revision = person.save_revision()
    # As a revision saved before stories existed looks.
    content = {k: v for k, v in revision.content.items() if k not in ("quote", "intro")}
    content["headline"] = "Ett citat, inte en rubrik."
    revision.content = content
    revision.save()

    migration.quote_in_revisions(apps)

    revision.refresh_from_db()
    draft = revision.as_object()
    assert draft.quote == "Ett citat, inte en rubrik."
    assert draft.headline == draft.intro == ""
    # And back.
    migration.headline_in_revisions(apps)
    revision.refresh_from_db()
    assert revision.content["headline"] == "Ett citat, inte en rubrik."
    assert "quote" not in revision.content and "intro" not in revision.content
