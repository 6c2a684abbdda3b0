""" "Helpful" votes clicked at the same instant: PostgreSQL, one connection per thread.

The unique (review, shopper) pair decides which insert wins; the counter is raised only by
the winner, so however many clicks race, each shopper counts once.
"""

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse

from commerce.models import Review, ReviewVote
from commerce.reviews.services import review_vote_helpful
from tests.concurrency import run_together
from tests.factories import UserFactory
from tests.factories.voice import make_review

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_ten_simultaneous_votes_of_one_shopper_count_once(tea):
    review, shopper = make_review(tea), UserFactory()

    outcomes = run_together(
        [lambda: review_vote_helpful(review=review, user=shopper) for _ in range(10)]
    )

    assert Counter(outcomes) == Counter({True: 1, False: 9})
    review.refresh_from_db()
    assert review.helpful_count == 1 and ReviewVote.objects.count() == 1


def test_ten_simultaneous_clicks_of_five_shoppers_count_five(tea):
    review = make_review(tea)
    shoppers = [UserFactory() for _ in range(5)]
    url = reverse("review_helpful", args=[review.pk])

    def click(shopper):
        client = Client()
        client.force_login(shopper)
        return client.post(url).status_code

    outcomes = run_together([lambda s=shopper: click(s) for shopper in shoppers * 2])

    assert outcomes == [302] * 10
    assert Review.objects.get(pk=review.pk).helpful_count == 5
    assert sorted(ReviewVote.objects.values_list("user_id", flat=True)) == sorted(
        shopper.pk for shopper in shoppers
    )
