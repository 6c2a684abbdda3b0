"""Orders: a read-only list and full view for the roles that run orders."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from core.permissions import ViewOnlyPermissionPolicy

from ..orders.admin import OrderViewSet
from ..orders.models import Order

register_permission_policy(Order, ViewOnlyPermissionPolicy(Order))


@hooks.register("register_admin_viewset")
def register_order_viewset():
    return OrderViewSet("orders")
