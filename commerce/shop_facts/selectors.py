"""Paying and delivery as checkout does them, for the storefront's pages (see the package
docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..orders.models import PaymentMethod
from ..payments.providers import available_providers
from ..shipping.models import ShippingMethod

ONLINE = {PaymentMethod.ALIPAY, PaymentMethod.WECHAT, PaymentMethod.DEMO}


@dataclass(frozen=True)
class PaymentFact:
    code: str
    label: str
    note: str


@dataclass(frozen=True)
class ShippingFact:
    name: str
    description: str
    base_fee: Decimal
    first_weight_kg: Decimal
    step_fee: Decimal
    step_kg: Decimal
    free_from: Decimal | None
    surcharged_provinces: int
    undelivered_provinces: int


def payment_wait() -> str:
    """How long an unpaid order waits for its money before it is cancelled ("24 hours")."""
    minutes = settings.ORDER_PAYMENT_TIMEOUT_MINUTES
    if minutes % 60:
        return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
    hours = minutes // 60
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def payment_facts() -> list[PaymentFact]:
    """The ways to pay checkout offers right now, each with what the shopper should know."""
    wait = payment_wait()
    facts = []
    for provider in available_providers():
        if provider.code == PaymentMethod.CASH_ON_DELIVERY:
            note = _("Pay the courier when the parcel arrives; nothing to pay in advance.")
        elif provider.code == PaymentMethod.BANK_TRANSFER:
            note = _(
                "Transfer to the account shown on your order page, with the order number as "
                "the reference; the order waits %(wait)s for the money."
            ) % {"wait": wait}
        elif provider.code in ONLINE:
            note = _("Pay online right after placing the order, within %(wait)s.") % {"wait": wait}
        else:
            note = ""
        facts.append(PaymentFact(code=provider.code, label=str(provider.label), note=note))
    return facts


def _kg(grams: int) -> Decimal:
    return (Decimal(grams) / 1000).normalize()


def shipping_facts(methods: list[ShippingMethod]) -> list[ShippingFact]:
    """The offered methods' fee rules, as checkout applies them (``methods`` with their region
    rules, e.g. ``shipping.selectors.offered_methods()``)."""
    facts = []
    for method in methods:
        rules = list(method.region_rules.all())
        facts.append(
            ShippingFact(
                name=method.name,
                description=method.description,
                base_fee=method.base_fee,
                first_weight_kg=_kg(method.first_weight_grams),
                step_fee=method.step_fee,
                step_kg=_kg(method.step_grams),
                free_from=method.free_shipping_threshold,
                surcharged_provinces=sum(
                    1 for rule in rules if not rule.unavailable and rule.surcharge > 0
                ),
                undelivered_provinces=sum(1 for rule in rules if rule.unavailable),
            )
        )
    return facts
