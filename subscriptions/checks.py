"""A mistyped EMAIL_PROVIDER would only show when the first digest fails to
send; the system check (run by `manage.py check` and at every start) says it
at once."""

from django.conf import settings
from django.core.checks import Error, register
from django.utils.module_loading import import_string


@register()
def email_provider(app_configs, **kwargs):
    provider = getattr(settings, "EMAIL_PROVIDER", "")
    if not provider:
        return []
    try:
        import_string(settings.EMAIL_BACKEND)
    except ImportError as error:
        return [
            Error(
                f"EMAIL_PROVIDER={provider!r} is not a provider django-anymail knows ({error}).",
                hint="Use Anymail's name for it, e.g. postmark, mailgun, amazon_ses, sendgrid.",
                id="subscriptions.E001",
            )
        ]
    return []
