from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """What a WordPress post, page, attachment or author became here, so a
    second import updates it instead of making a copy."""

    class Kind(models.TextChoices):
        POST = "post", _("post or page")
        ATTACHMENT = "attachment", _("attachment")

    kind = models.CharField(_("item kind"), max_length=20, choices=Kind.choices)
    wp_id = models.PositiveBigIntegerField(_("WordPress ID"))
    guid = models.CharField(_("WordPress GUID"), max_length=500, blank=True)
    # A hash of what the import read: an unchanged item is left alone.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(fields=["kind", "wp_id"], name="wordpress_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.wp_id}"


class ImportRun(models.Model):
    """An import started from the admin: the uploaded export, its dry-run
    report, then the import's progress and report."""

    class State(models.TextChoices):
        CHECKED = "checked", _("checked with a dry run")
        QUEUED = "queued", _("waiting for the task worker")
        RUNNING = "running", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("stopped by an error")

    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(_("export file"), max_length=255)
    # Where the upload waits on this server until it is imported (then removed).
    stored_path = models.CharField(max_length=500, editable=False)
    media_url = models.URLField(_("uploads address"), blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.CHECKED)
    dry_run_report = models.JSONField(default=dict)
    report = models.JSONField(default=dict)
    progress = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("WordPress import")
        verbose_name_plural = _("WordPress imports")

    def __str__(self) -> str:
        return self.file_name
