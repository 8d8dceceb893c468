"""What operations announce to the rest of the site."""

from django.dispatch import Signal

# Sent after restore_site has replaced the database and media: everything
# cached for the previous content is stale (fastpath.invalidation listens).
site_restored = Signal()
