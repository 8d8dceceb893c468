from django.apps import AppConfig


class LsvSiteConfig(AppConfig):
    name = "lsv_site"
    verbose_name = "LSV"

    def ready(self):
        from lsv_site import renditions

        renditions.connect_signals()
