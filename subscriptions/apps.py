from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "subscriptions"
    verbose_name = _("E-mail subscriptions")

    def ready(self):
        from subscriptions import checks  # noqa: F401  (registers the check)
