from django.apps import AppConfig


class WhitepapersConfig(AppConfig):
    name = "whitepapers"
