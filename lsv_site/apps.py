from django.apps import AppConfig


class LsvSiteConfig(AppConfig):
    name = "lsv_site"
    verbose_name = "LSV"

    def ready(self):
        from lsv_site import published_media, renditions

        renditions.connect_signals()
        published_media.register_policies()
