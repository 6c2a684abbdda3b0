"""The finance and customer-service desks."""

from wagtail import hooks

from ..desks.finance import admin as finance_admin
from ..desks.service import admin as service_admin

hooks.register("register_admin_urls", finance_admin.admin_urls)
hooks.register("register_admin_urls", service_admin.admin_urls)
hooks.register("register_admin_menu_item", finance_admin.menu_item)
hooks.register("register_admin_menu_item", service_admin.menu_item)
hooks.register("construct_homepage_panels", finance_admin.add_panel)
hooks.register("construct_homepage_panels", service_admin.add_panel)


@hooks.register("register_log_actions")
def register_finance_and_service_log_actions(actions):
    for formatters in (finance_admin.LOG_ACTIONS, service_admin.LOG_ACTIONS):
        for action, formatter in formatters.items():
            actions.register_action(action)(formatter)
