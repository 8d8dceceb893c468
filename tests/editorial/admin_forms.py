"""Submitting Wagtail's page forms the way the admin's own HTML would."""

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield


def page_form_data(client, url: str, form_id: str, page=None, **changes):
    data = querydict_from_html(client.get(url).content.decode(), form_id=form_id)
    if page is None or hasattr(page, "body"):
        # StreamFields are drawn by JavaScript, so the HTML holds no inputs for them.
        data.update(nested_form_data({"body": streamfield([])}))
    for name, value in changes.items():
        data[name] = value
    return data


def edit_page(client, page, **changes):
    """Submit the page's admin edit form with `changes`; returns the response."""
    url = reverse("wagtailadmin_pages:edit", args=[page.id])
    return client.post(url, page_form_data(client, url, "page-edit-form", page, **changes))
