"""Swedish for Wagtail strings its own Swedish catalogue lacks (found by
tests/editorial/test_admin_swedish.py). The ids are Wagtail's, listed here so
that `make messages` keeps them in the project's catalogue, which Django reads
before Wagtail's."""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    gettext_noop("Edit account avatar"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Saved"),
    gettext_noop("To be created by %(user)s"),
]
