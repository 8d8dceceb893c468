from django.apps import AppConfig


class LsvSiteConfig(AppConfig):
    name = "lsv_site"
    verbose_name = "LSV"
