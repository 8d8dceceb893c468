"""The person's quote was called `headline`; `headline` is now the headline of
a story about the person. Saved revisions (drafts, history) keep the quote
under its old name, so it is moved there too: publishing an old draft must
not turn a quote into a headline."""

from django.db import migrations, models


def _move(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="people", model="personpage").first()
    if content_type is None:
        return
    revisions = Revision.objects.filter(content_type_id=content_type.pk)
    for revision in revisions.iterator():
        content = revision.content or {}
        if old not in content:
            continue
        content[new] = content.pop(old)
        if new == "quote":
            # Written before headlines existed: none.
            content.setdefault("headline", "")
            content.setdefault("intro", "")
        revision.content = content
        revision.save(update_fields=["content"])


def quote_in_revisions(apps, schema_editor=None) -> None:
    _move(apps, "headline", "quote")


def headline_in_revisions(apps, schema_editor=None) -> None:
    for name in ("headline", "intro"):
        _drop(apps, name)
    _move(apps, "quote", "headline")


def _drop(apps, name: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="people", model="personpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type_id=content_type.pk).iterator():
        if name in (revision.content or {}):
            revision.content.pop(name)
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_personpage_photo_decorative"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameField(model_name="personpage", old_name="headline", new_name="quote"),
        migrations.RunPython(quote_in_revisions, headline_in_revisions),
    ]
