"""Create the groups "Redaktör" and "Ansvarig utgivare" and the workflow
"Granskning" (one approval step by Ansvarig utgivare) on the site's home page.

Permissions are fetched with get_or_create because on a fresh database Django
creates them only after all migrations (post_migrate); the names match what
Django would create, so the later pass finds them and adds nothing.
"""

from django.db import migrations

EDITOR = "Redaktör"
PUBLISHER = "Ansvarig utgivare"
WORKFLOW = "Granskning"
TASK = "Godkännande av ansvarig utgivare"

# Page permissions on the home page, inherited by everything below it.
# "add" lets a Redaktör create pages and edit their own; "change" lets them edit
# colleagues' pages too. Only Ansvarig utgivare may publish, and unlock pages
# that someone else locked.
PAGE_PERMISSIONS = {
    EDITOR: ["add", "change", "lock"],
    PUBLISHER: ["add", "change", "lock", "publish", "unlock"],
}
# Image and document permissions on the root collection. Both roles may edit
# any file (to fix a colleague's alt text); Wagtail treats deleting as editing.
COLLECTION_PERMISSIONS = {
    EDITOR: ["add", "change", "choose"],
    PUBLISHER: ["add", "change", "choose"],
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_groups_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Site = apps.get_model("wagtailcore", "Site")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page if site else None
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _permission(
        apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"
    )

    groups = {}
    for name, page_types in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        if home is not None:
            for permission_type in page_types:
                permission = _permission(
                    apps, "wagtailcore", "page", f"{permission_type}_page", f"Can {permission_type} page"
                )
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
        if root_collection is not None:
            for action in COLLECTION_PERMISSIONS[name]:
                for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                    permission = _permission(
                        apps, app_label, model, f"{action}_{model}", f"Can {action} {model}"
                    )
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(groups[PUBLISHER])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if home is not None:
        # A workflow on the home page takes precedence over Wagtail's default
        # "Moderators approval" on the tree root for every page of the site.
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).delete()
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, PUBLISHER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow),
    ]
