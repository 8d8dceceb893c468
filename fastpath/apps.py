from django.apps import AppConfig


class FastPathConfig(AppConfig):
    name = "fastpath"
    verbose_name = "Page cache and fast path"

    def ready(self):
        from fastpath import invalidation  # noqa: F401  (connects the invalidation receivers)
