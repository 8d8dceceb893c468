"""Editors lose nothing: a save refused for a validation error gives the form
back with everything the editor typed, says what is wrong, and stores nothing.

Drafts may leave required fields empty (Wagtail 8), so the refused saves are
the ones that validate fully: submitting for review and publishing.
"""

from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

import pytest

from tests.editorial.admin_forms import edit_page
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

TYPED = {
    "title": "Ny rubrik som redaktören skrev",
    "hero_caption": "Bildtext som inte får försvinna",
    "update_note": "Uppdaterad med nya siffror",
}


@pytest.fixture
def article(site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Original", lead="Ingress.")
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    "who, action", [("editor", "action-submit"), ("publisher", "action-publish")]
)
def test_refused_save_keeps_what_the_editor_typed(client, request, article, who, action):
    client.force_login(request.getfixturevalue(who))
    revision = article.latest_revision

    response = edit_page(client, article, lead="", **TYPED, **{action: "1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sidan kunde inte sparas på grund av valideringsfel." in html
    assert "Det här fältet är obligatoriskt" in html
    form = querydict_from_html(html, form_id="page-edit-form")
    for field, value in TYPED.items():
        assert form[field] == value, field
    # Nothing stored, nothing published, nothing sent for review.
    article.refresh_from_db()
    assert article.latest_revision == revision
    assert article.title == "Original"
    assert not WorkflowState.objects.for_instance(article).exists()

    # Fixing the one error and sending the form as given back saves all of it.
    form.update(nested_form_data({"body": streamfield([])}))
    form["lead"] = "Ingressen, nu ifylld."
    form[action] = "1"
    url = reverse("wagtailadmin_pages:edit", args=[article.id])
    assert client.post(url, form).status_code == 302
    article.refresh_from_db()
    saved = article.get_latest_revision().as_object()
    assert (saved.title, saved.hero_caption, saved.update_note) == tuple(TYPED.values())
    assert saved.lead == "Ingressen, nu ifylld."
