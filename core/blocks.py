"""The body StreamBlock shared by articles and white papers."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    """An image that either describes itself with alt text or is marked decorative."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=300,
        help_text=_("Describe what the image shows for readers who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image (no alt text needed)"),
        required=False,
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Write an alt text, or mark the image as decorative.")
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=200,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "blocks/document_link_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Paragraph"),
        template="blocks/paragraph_block.html",
    )
    image = FigureBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Embed"),
        help_text=_("A link to a video or other media, e.g. on YouTube or Vimeo."),
        template="blocks/embed_block.html",
    )
    document = DocumentLinkBlock()

    class Meta:
        block_counts = {}


def first_image_id(body) -> int | None:
    """The image of the first figure block in a body (a StreamValue), read
    from its stored data so that no block or image needs loading."""
    for item in getattr(body, "raw_data", None) or []:
        if item.get("type") == "image":
            image = (item.get("value") or {}).get("image")
            if isinstance(image, int):
                return image
    return None


def first_body_image_filler(app_label: str, model_name: str):
    """A migration step (RunPython) that fills `first_body_image` for pages
    saved before the field existed."""

    def fill(apps, schema_editor):
        pages = apps.get_model(app_label, model_name).objects.all()
        for page in pages.only("id", "body").iterator():
            image_id = first_image_id(page.body)
            if image_id is not None:
                pages.filter(id=page.id).update(first_body_image_id=image_id)

    return fill
