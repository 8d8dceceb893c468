"""The names of the editorial groups and the review workflow.

The data migration creates them with these names; code and tests look them up
by name, so they live in one place.
"""

EDITOR_GROUP = "Redaktör"
PUBLISHER_GROUP = "Ansvarig utgivare"
REVIEW_WORKFLOW = "Granskning"
REVIEW_TASK = "Godkännande av ansvarig utgivare"
