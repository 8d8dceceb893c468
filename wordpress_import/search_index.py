"""Wagtail's search index, updated in bulk after an import instead of per save.

Wagtail's database search backend (modelsearch) recomputes the title norm of
its index entries on every save: an average over the whole index table and an
update of the new rows, each a scan of the table. Per save that is fine; over
an import of thousands of posts and attachments it grows with the square of
the archive. During an import the saves are collected instead and indexed once
per model at the end, in batches.
"""

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch import index, signal_handlers
from modelsearch.backends import get_search_backends

BATCH = 500
UID = "wordpress-import-deferred-search-index"


@contextmanager
def deferred() -> Iterator[None]:
    pending: dict[type, set] = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs):
        if not raw:
            pending[sender].add(instance.pk)

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
        post_save.connect(collect, sender=model, weak=False, dispatch_uid=(UID, model))
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=(UID, model))
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
        for model, pks in pending.items():
            update(model, sorted(pks))


def update(model, pks: list) -> None:
    """Index these rows of `model` (those that exist: a rolled-back item's do not)."""
    backends = list(get_search_backends(with_auto_update=True))
    for start in range(0, len(pks), BATCH):
        objects = list(model.get_indexed_objects().filter(pk__in=pks[start : start + BATCH]))
        if objects:
            for backend in backends:
                backend.add_bulk(model, objects)
