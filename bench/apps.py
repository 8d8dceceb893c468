from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Every benchmark in one place: the scripts beside this file (`make
    bench`, `make bench-load`) and the management commands they and the other
    `make bench-*` targets run (bench/management/commands)."""

    name = "bench"
    label = "bench"
    verbose_name = "Benchmarks"
