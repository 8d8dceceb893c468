"""Refusing a new topic that is two existing topics typed together.

An editor who picks a suggested topic and types on before the topic field has
taken it gets one topic "IntegrationKommuner" instead of "Integration" and
"Kommuner". In the browser `core/static/core/admin/tag_input.js` ends a topic
where the editor ends it; whatever gets past it (another browser, a script
that failed to load) the page form refuses, saying how to separate them.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.image_alt import AltTextPageForm

RUN_TOGETHER = _(
    "“%(name)s” looks like two topics typed together: “%(first)s” and “%(second)s”. "
    "Separate them by ending each topic with Enter or a comma."
)


def run_together(name: str, known: Iterable[str]) -> tuple[str, str] | None:
    """The two known names `name` is made of, joined with no space, or None.

    Only a second name starting with a capital letter counts: that is how two
    names typed together look, while Swedish compounds of lower-case topics
    ("barn" and "omsorg" in "barnomsorg") are words of their own.
    """
    known = set(known)
    if name in known:
        return None
    for cut in range(1, len(name)):
        first, second = name[:cut], name[cut:]
        if second[0].isupper() and first in known and second in known:
            return first, second
    return None


class TopicsPageForm(AltTextPageForm):
    """The form of pages with topics."""

    def clean_topics(self):
        names = self.cleaned_data["topics"]
        parts = {name[:cut] for name in names for cut in range(1, len(name))}
        parts |= {name[cut:] for name in names for cut in range(1, len(name))}
        tag_model = self.fields["topics"].tag_model
        # The names as stored, compared exactly: what the field suggests.
        known = set(
            tag_model.objects.filter(name__in=parts | set(names)).values_list("name", flat=True)
        )
        errors = []
        for name in names:
            if (pair := run_together(name, known)) is not None:
                errors.append(
                    ValidationError(
                        RUN_TOGETHER,
                        code="topics_run_together",
                        params={"name": name, "first": pair[0], "second": pair[1]},
                    )
                )
        if errors:
            raise ValidationError(errors)
        return names
