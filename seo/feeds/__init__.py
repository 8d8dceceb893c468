"""Feeds: one shared view (base.py) and small per-kind subclasses."""
