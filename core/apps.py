from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "LSV"

    def ready(self):
        from core import renditions

        renditions.connect_signals()
