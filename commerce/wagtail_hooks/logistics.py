"""The logistics desk: review, stock, pack, ship; carriers; dashboard panel."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from ..desks.logistics import admin as logistics_admin
from ..shipping.admin import CarrierPermissionPolicy, CarrierViewSet
from ..shipping.models import Carrier

register_permission_policy(Carrier, CarrierPermissionPolicy(Carrier))
register_snippet(CarrierViewSet)
hooks.register("register_admin_urls", logistics_admin.admin_urls)
hooks.register("register_admin_menu_item", logistics_admin.menu_item)
hooks.register("construct_homepage_panels", logistics_admin.add_panel)


@hooks.register("register_log_actions")
def register_logistics_log_actions(actions):
    for action, formatter in logistics_admin.LOG_ACTIONS.items():
        actions.register_action(action)(formatter)
