"""Project middleware. The order they run in is set, and explained, in settings.base."""
