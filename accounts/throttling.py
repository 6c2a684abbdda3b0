"""Sign-in throttling: per account and connection, and per connection across accounts.

django-axes counts failed sign-ins (``AXES_LOCKOUT_PARAMETERS`` in settings: the
connection's IP address alone, and account + IP address). Two limits apply:

* ``AXES_FAILURE_LIMIT`` (5) failures for one account from one address pause that
  account from that address; the owner signing in from anywhere else is not
  affected, which is why no lockout is ever keyed by the account alone;
* ``SHOP_CONNECTION_FAILURE_LIMIT`` (20) failures from one address, whatever the
  accounts, pause every sign-in from that address: three guesses at each of thirty
  accounts no longer go unnoticed. The limit is higher because many shoppers share
  one address (mobile networks, offices), and their honest typos add up.

Both the storefront's and the admin's sign-in go through the same backends, so
both are throttled alike; the pause lasts ``AXES_COOLOFF_TIME`` hours.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum

CONNECTION = "ip_address"


class ShopAxesHandler(AxesDatabaseHandler):
    """Axes' database handler with its own, higher limit for the connection alone."""

    def get_failures(self, request, credentials=None) -> int:
        """Failures that count against this sign-in: the account+address count, or the
        account limit itself once the address alone has reached its own limit.

        Records on the request which of the two paused it (``shop_lockout_scope``), for
        the page that explains the pause.
        """
        limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        # One queryset per lockout parameter, in the order of the setting.
        for parameter, attempts in zip(
            parameters, self.get_user_attempts(request, credentials), strict=True
        ):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            if parameter == CONNECTION:
                if failures >= settings.SHOP_CONNECTION_FAILURE_LIMIT:
                    request.shop_lockout_scope = "connection"
                    return max(failures, limit)
                continue
            worst = max(worst, failures)
        request.shop_lockout_scope = "account"
        return worst


def client_ip_address(request) -> str:
    """The visitor's address: REMOTE_ADDR, or behind a proxy we trust (TRUSTED_PROXIES),
    the last X-Forwarded-For address that is not one of ours.

    A forwarded header from anyone else is ignored: otherwise an attacker would pick a
    new "address" for every guess and never reach the connection limit.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXIES
    if remote not in trusted:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for candidate in reversed([part.strip() for part in forwarded.split(",")]):
        if candidate in trusted:
            continue
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            break
    return remote
