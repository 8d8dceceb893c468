from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """What a WordPress post, page, attachment or author became here, so a
    second import updates it instead of making a copy."""

    class Kind(models.TextChoices):
        POST = "post", _("post or page")
        ATTACHMENT = "attachment", _("attachment")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
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
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress item")
        verbose_name_plural = _("imported WordPress items")
        constraints = [
            models.UniqueConstraint(fields=["kind", "wp_id"], name="wordpress_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.wp_id}"
