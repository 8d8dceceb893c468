"""Alt text for the images a page shows in its own fields (hero, cover, photo).

An image's `description` is its alt text. Where a page uses an image, the
image must have one, unless the editor ticks the page's "decorative" box for
it; decorative images get an empty alt so screen readers skip them. Body
images follow the same rule inside FigureBlock.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

MISSING_ALT_TEXT = _(
    "This image has no description (alt text). Add one to the image under Images, "
    "or tick “Decorative image” if it adds nothing a reader would miss."
)

DECORATIVE_HELP = _(
    "Tick if the image adds nothing a reader would miss. Otherwise the image needs a "
    "description (alt text), written on the image under Images."
)


class AltTextPageForm(WagtailAdminPageForm):
    """Checked in the editing form rather than in Page.clean(), so that imports
    and scripts creating pages are not refused for an image's missing text."""

    def clean(self):
        cleaned_data = super().clean()
        for image_field, decorative_field in self.instance.image_alt_fields.items():
            image = cleaned_data.get(image_field)
            if image is None or cleaned_data.get(decorative_field):
                continue
            if not (image.description or "").strip():
                self.add_error(
                    image_field, ValidationError(MISSING_ALT_TEXT, code="missing_alt_text")
                )
        return cleaned_data


def alt_text(page, image_field: str) -> str:
    """The alt attribute for one of the page's images: empty when decorative."""
    decorative_field = page.image_alt_fields.get(image_field)
    image = getattr(page, image_field, None)
    if image is None or (decorative_field and getattr(page, decorative_field)):
        return ""
    return (image.description or "").strip()
