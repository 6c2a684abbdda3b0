"""Permission helpers: page permissions by section, view-only admin policies.

Page permissions by section.

Wagtail page permissions cascade to every descendant. That suits sections (Guides,
Help center, Brands) but not the home page: the home page is the root of the
site, so a right granted on it would reach every page. Merchandisers must arrange
the home page without editing guides, so rights granted on the home page apply to
the home page alone; each section is granted separately.
"""

from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy


class SectionPagePermissionTester(PagePermissionTester):
    """A permission tester that ignores grants made on the site's home page."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser:
            self.permissions = {
                perm.permission.codename.rsplit("_", maxsplit=1)[0]
                for perm in self.permission_policy.get_cached_permissions_for_user(user)
                if page.path.startswith(perm.page.path) and not _is_home_page_grant(perm, page)
            }


def _is_home_page_grant(perm, page) -> bool:
    """A grant on a home page (depth 2), looked at from one of its descendants."""
    return perm.page.depth == 2 and perm.page.path != page.path


class SectionPageMixin:
    """Mixed into every page type below the home page."""

    def permissions_for_user(self, user):
        return SectionPagePermissionTester(user, self)


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions limited to "view": even a superuser cannot edit these rows (outbox,
    orders)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")
