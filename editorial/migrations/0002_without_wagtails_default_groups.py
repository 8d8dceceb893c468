"""Wagtail's installation makes the groups "Moderators" and "Editors" and the
workflow "Moderators approval". This site's roles are Redaktör and Ansvarig
utgivare with the workflow Granskning (0001): the defaults beside them only
confuse, in English. They are removed while nobody is a member (a site that
put people in them keeps them); the default workflow is switched off."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ("Moderators", "Editors")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def remove_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS):
        if not group.user_set.exists():
            group.delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(
        name=WAGTAIL_DEFAULT_WORKFLOW
    ).update(active=False)
    apps.get_model("wagtailcore", "Task").objects.filter(
        name=WAGTAIL_DEFAULT_WORKFLOW
    ).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editorial_groups_and_review_workflow"),
    ]

    operations = [migrations.RunPython(remove_defaults, migrations.RunPython.noop)]
