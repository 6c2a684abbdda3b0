"""Commerce's admin wiring, registration only: what is registered is built in each
feature's ``admin.py`` (and the catalogue's and accounts' hooks get commerce's
functions).

Within each hook the order is the menus', lists' and filters' order.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from accounts.emails import ACCOUNT_EMAIL_HOOK
from core.permissions import ViewOnlyPermissionPolicy
from guides.models import GUIDE_PAGE_HOOK
from products.detail import PRODUCT_PAGE_HOOK
from products.prices import EFFECTIVE_PRICES_HOOK
from products.ranking import BEST_SELLERS_HOOK

from .after_sales import admin as after_sales_admin
from .desks.finance import admin as finance_admin
from .desks.logistics import admin as logistics_admin
from .desks.service import admin as service_admin
from .guide_comments.views import guide_page_comments
from .inventory import admin as inventory_admin
from .inventory.models import StockMovement
from .moderation.admin_group import CustomerVoiceViewSetGroup
from .orders.admin import OrderViewSet
from .orders.best_sellers import best_sellers
from .orders.models import Order
from .outbox.admin import OutgoingEmailViewSet
from .outbox.models import OutgoingEmail
from .outbox.services import email_queue
from .payments import admin as payments_admin
from .price_protection import admin as price_protection_admin
from .price_protection.models import PriceProtectionClaim
from .price_protection.selectors import shown_prices_with_lowest
from .promotions import admin as promotions_admin
from .promotions.views import product_page_spend_and_save
from .questions.views import product_page_questions
from .red_packets import admin as red_packets_admin
from .reviews.views import product_page_reviews
from .shipping.admin import CarrierPermissionPolicy, CarrierViewSet, ShippingMethodViewSet
from .shipping.models import Carrier
from .shipping.views import product_page_shopping

# The catalogue's hooks (products.ranking, products.detail), the guide page's comments
# (guides.models) and the accounts' outbox:
# account e-mails (password reset) go through the same outbox as order e-mails.
hooks.register(BEST_SELLERS_HOOK, best_sellers)
hooks.register(PRODUCT_PAGE_HOOK, product_page_shopping)
hooks.register(EFFECTIVE_PRICES_HOOK, shown_prices_with_lowest)
hooks.register(PRODUCT_PAGE_HOOK, product_page_reviews)
hooks.register(PRODUCT_PAGE_HOOK, product_page_questions)
hooks.register(PRODUCT_PAGE_HOOK, product_page_spend_and_save)
hooks.register(GUIDE_PAGE_HOOK, guide_page_comments)
hooks.register(ACCOUNT_EMAIL_HOOK, email_queue)

# Who may do what: the ledger, orders and the outbox are written by their services only.
register_permission_policy(
    StockMovement, inventory_admin.StockLedgerPermissionPolicy(StockMovement)
)
register_permission_policy(Carrier, CarrierPermissionPolicy(Carrier))
register_permission_policy(Order, ViewOnlyPermissionPolicy(Order))
register_permission_policy(PriceProtectionClaim, ViewOnlyPermissionPolicy(PriceProtectionClaim))
register_permission_policy(OutgoingEmail, ViewOnlyPermissionPolicy(OutgoingEmail))

register_snippet(CarrierViewSet)
register_snippet(ShippingMethodViewSet)
register_snippet(promotions_admin.PromotionsGroup)

hooks.register("register_admin_viewset", inventory_admin.InventoryViewSetGroup)
hooks.register("register_admin_viewset", lambda: OrderViewSet("orders"))
hooks.register(
    "register_admin_viewset",
    lambda: price_protection_admin.PriceProtectionClaimViewSet("price_protection_claims"),
)
hooks.register("register_admin_viewset", lambda: OutgoingEmailViewSet("outgoing_emails"))
hooks.register("register_admin_viewset", red_packets_admin.RedPacketViewSetGroup)
hooks.register("register_admin_viewset", CustomerVoiceViewSetGroup)

# The desks: their pages, menus and dashboard panels.
for desk_admin in (finance_admin, service_admin, logistics_admin, after_sales_admin):
    hooks.register("register_admin_urls", desk_admin.admin_urls)
    hooks.register("register_admin_menu_item", desk_admin.menu_item)
    hooks.register("construct_homepage_panels", desk_admin.add_panel)

for menu_item in inventory_admin.MENU_ITEMS:
    hooks.register(inventory_admin.INVENTORY_SUBMENU_HOOK, menu_item)
hooks.register(red_packets_admin.RED_PACKET_SUBMENU_HOOK, red_packets_admin.issue_menu_item)

LOG_ACTIONS = (
    finance_admin.LOG_ACTIONS,
    service_admin.LOG_ACTIONS,
    inventory_admin.LOG_ACTIONS,
    logistics_admin.LOG_ACTIONS,
    payments_admin.LOG_ACTIONS,
    price_protection_admin.LOG_ACTIONS,
    red_packets_admin.LOG_ACTIONS,
)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    """Commerce's audit-log actions (each object's history, Reports → Site history)."""
    for formatters in LOG_ACTIONS:
        for action, formatter in formatters.items():
            actions.register_action(action)(formatter)
