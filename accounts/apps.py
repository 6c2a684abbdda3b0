from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users import apps as wagtail_users_apps


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")


class ShopUsersConfig(wagtail_users_apps.WagtailUsersAppConfig):
    """Wagtail's users app with the shop's staff management (accounts.admin).

    Listed in INSTALLED_APPS instead of "wagtail.users"; same label, models and
    migrations. ``default = False`` keeps Django from taking it for the accounts app.
    """

    default = False
    user_viewset = "accounts.admin.StaffUserViewSet"
