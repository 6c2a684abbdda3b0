"""Two claims of one order line at once: PostgreSQL, one connection per thread."""

from collections import Counter

import pytest

from commerce.price_protection.models import PriceProtectionClaim
from commerce.price_protection.services import price_claim_create
from tests.concurrency import run_together
from tests.factories.promotions import make_campaign

from .shop import buy

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_claims_of_one_line_at_once_pay_once():
    bought = buy(quantity=2)
    make_campaign(percent_off="20", products=[bought.product])
    line_id = bought.line.pk

    outcomes = run_together(
        [
            lambda: price_claim_create(order=bought.order, line_id=line_id, user=bought.user)
            for _ in range(2)
        ]
    )

    assert Counter(type(o).__name__ for o in outcomes) == Counter(
        {"PriceProtectionClaim": 1, "PriceClaimRefused": 1}
    )
    assert PriceProtectionClaim.objects.get().amount == 40
