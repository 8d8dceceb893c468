"""Page permissions that cost no queries for pages without children.

The admin's page listing asks, for every row, whether the user may delete the
page (for the row's menu and again for its bulk-action checkbox). For a user
without publish permission, such as a Redaktör, Wagtail answers by looking for
live pages in the page's subtree: two queries per row, a hundred for a page of
the news listing. An article, white paper or person has no children, so its
subtree is itself and the answer is in the row already.
"""

from wagtail.models import PagePermissionTester


class LeafPagePermissionTester(PagePermissionTester):
    def can_delete(self, ignore_bulk=False):
        page = self.page
        if page.numchild or self.page_is_root or not self.user.is_active or self.user.is_superuser:
            return super().can_delete(ignore_bulk)
        # Wagtail's rules for a subtree that is the page alone.
        if "change" in self.permissions:
            return "publish" in self.permissions or not page.live
        if "add" in self.permissions:
            owned = page.owner_id is not None and page.owner_id == self.user.pk
            return owned if "publish" in self.permissions else owned and not page.live
        return False


class LeafPermissionsMixin:
    """For page types that never have children."""

    def permissions_for_user(self, user):
        return LeafPagePermissionTester(user, self)
