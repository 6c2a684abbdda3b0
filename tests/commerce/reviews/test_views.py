"""The storefront of reviews: the product page's section, writing one, My reviews, the
helpful vote, rate limits, escaping and a fixed query cost."""

import pytest
from django.urls import reverse

from commerce.models import Refund, Review, ReviewVote
from tests.factories import UserFactory
from tests.factories.voice import bought_line, make_question, make_review, photo_upload

pytestmark = pytest.mark.django_db

XSS = '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'


def _write_url(line):
    return reverse("review_write", args=[line.pk])


def test_product_page_shows_approved_reviews_with_summary_bars_and_reply(client, tea):
    review = make_review(tea, rating=5, text="Fragrant and fresh.")
    make_review(tea, rating=3, text="Fine, a bit bitter.")
    make_review(tea, rating=1, text="Never shown, waiting.", status="pending")
    review.reply, review.replied_at = "Thank you!", review.created_at
    review.save()

    content = client.get(tea.url).content.decode()

    assert "Reviews (2)" in content
    assert "Fragrant and fresh." in content and "Fine, a bit bitter." in content
    assert "Never shown, waiting." not in content
    assert "<strong>4.0</strong>" in content and 'style="width: 50%"' in content
    assert "Reply from the shop" in content and "Thank you!" in content


def test_the_author_sees_their_pending_review_marked_others_do_not(client, tea):
    review = make_review(tea, status="pending")

    assert "awaiting moderation" not in client.get(tea.url).content.decode()
    client.force_login(review.user)
    assert "Your review is awaiting moderation." in client.get(tea.url).content.decode()


def test_the_author_sees_the_rejection_reason(client, tea):
    review = make_review(tea, status="rejected")
    client.force_login(review.user)

    content = client.get(reverse("review_list")).content.decode()

    assert "Not published: Not about the product." in content


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("stars=5", ["Five stars here."]),
        ("stars=1", ["One star here."]),
        ("stars=photos", ["Five stars here."]),
        ("sort=helpful", ["Five stars here.", "One star here."]),
        ("stars=9&sort=nonsense&review_page=x", ["One star here.", "Five stars here."]),
    ],
)
def test_filters_by_stars_or_photos_and_sorts(client, tea, query, shown):
    five = make_review(tea, rating=5, text="Five stars here.", photos=[photo_upload()])
    make_review(tea, rating=1, text="One star here.")  # the newest
    Review.objects.filter(pk=five.pk).update(helpful_count=3)

    content = client.get(f"{tea.url}?{query}").content.decode()

    positions = [content.find(text) for text in shown]
    assert all(p > 0 for p in positions) and positions == sorted(positions)
    assert len([t for t in ("Five stars here.", "One star here.") if t in content]) == len(shown)


def test_review_text_with_html_is_shown_escaped(client, tea):
    make_review(tea, text=XSS)

    content = client.get(tea.url).content.decode()

    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<img src=x onerror" not in content and 'href="javascript:' not in content


def test_a_buyer_writes_a_review_with_a_photo(client, tea):
    line = bought_line(tea)
    client.force_login(line.order.user)

    response = client.post(
        _write_url(line), {"rating": "4", "text": "Good tea.", "photos": [photo_upload()]}
    )

    assert response.status_code == 302 and response.url == reverse("review_list")
    review = Review.objects.get()
    assert (review.status, review.rating, review.photos.count()) == ("pending", 4, 1)


def test_a_bad_photo_is_refused_with_a_message_and_nothing_is_stored(client, tea):
    line = bought_line(tea)
    client.force_login(line.order.user)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = client.post(
        _write_url(line), {"rating": "4", "text": "Good tea.", "photos": [fake]}
    )

    assert response.status_code == 400
    assert "Please choose a photo in JPEG, PNG or WebP format." in response.content.decode()
    assert not Review.objects.exists()


def test_a_nul_byte_is_refused_with_a_message(client, tea):
    line = bought_line(tea)
    client.force_login(line.order.user)

    response = client.post(_write_url(line), {"rating": "4", "text": "Good\x00 tea."})

    assert response.status_code == 400
    assert "We could not accept that request" in response.content.decode()
    assert not Review.objects.exists()


def test_a_hidden_control_character_is_refused_with_a_message(client, tea):
    line = bought_line(tea)
    client.force_login(line.order.user)

    response = client.post(_write_url(line), {"rating": "4", "text": "Good \u202e tea."})

    assert response.status_code == 400
    assert "Your review contains characters that cannot be shown" in response.content.decode()
    assert not Review.objects.exists()


def test_another_shoppers_line_is_not_found(client, tea):
    line = bought_line(tea)
    client.force_login(UserFactory())

    assert client.get(_write_url(line)).status_code == 404
    assert client.post(_write_url(line), {"rating": "5", "text": "Mine now!"}).status_code == 404
    assert not Review.objects.exists()


def test_a_line_not_yet_delivered_shows_why(client, tea):
    line = bought_line(tea, status="shipped")
    client.force_login(line.order.user)

    response = client.post(_write_url(line), {"rating": "5", "text": "Too early."})

    assert "You can review this once the order has been delivered." in response.content.decode()
    assert not Review.objects.exists()


def test_an_edit_through_the_form_goes_back_to_moderation(client, tea):
    review = make_review(tea)
    client.force_login(review.user)

    client.post(_write_url(review.order_line), {"rating": "2", "text": "Changed my mind."})

    review.refresh_from_db()
    assert (review.status, review.rating) == ("pending", 2)


def test_the_honeypot_stores_nothing(client, tea):
    line = bought_line(tea)
    client.force_login(line.order.user)

    client.post(_write_url(line), {"rating": "5", "text": "Buy pills", "website": "spam.example"})

    assert not Review.objects.exists()


def test_to_review_lists_delivered_lines_not_cancelled_reviewed_or_undelivered(client, tea):
    buyer = UserFactory()
    waiting = bought_line(tea, user=buyer)
    bought_line(tea, user=buyer, status="cancelled")
    bought_line(tea, user=buyer, status="paid")
    refunded = bought_line(tea, user=buyer)
    Refund.objects.create(
        order=refunded.order,
        amount=refunded.line_total,
        kind="manual",
        reason="x",
        created_by=buyer,
    )
    make_review(tea, user=buyer)
    client.force_login(buyer)

    content = client.get(reverse("review_list")).content.decode()

    assert content.count('href="/account/reviews/line/') == 2  # write one + change one
    assert _write_url(waiting) in content


def test_the_order_page_offers_a_review_per_delivered_line(client, tea):
    line = bought_line(tea)
    client.force_login(line.order.user)

    content = client.get(line.order.get_absolute_url()).content.decode()

    assert _write_url(line) in content and "Write a review" in content


def test_the_order_page_of_an_undelivered_order_offers_none(client, tea):
    line = bought_line(tea, status="paid")
    client.force_login(line.order.user)

    assert _write_url(line) not in client.get(line.order.get_absolute_url()).content.decode()


def test_helpful_vote_counts_once_per_shopper(client, tea):
    review = make_review(tea)
    client.force_login(UserFactory())
    url = reverse("review_helpful", args=[review.pk])

    first = client.post(url)
    client.post(url)

    assert first.status_code == 302 and first.url == tea.url + "#reviews"
    review.refresh_from_db()
    assert review.helpful_count == 1 and ReviewVote.objects.count() == 1


def test_helpful_vote_needs_sign_in_and_post(client, tea):
    review = make_review(tea)
    url = reverse("review_helpful", args=[review.pk])

    assert client.post(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 405
    assert client.post(reverse("review_helpful", args=[review.pk + 99])).status_code == 404
    review.refresh_from_db()
    assert review.helpful_count == 0


def test_too_many_reviews_answer_429_and_change_nothing(client, tea, settings):
    buyer = UserFactory()
    lines = [bought_line(tea, user=buyer) for _ in range(11)]
    client.force_login(buyer)
    for line in lines[:10]:
        client.post(_write_url(line), {"rating": "5", "text": "Good tea."})

    response = client.post(_write_url(lines[10]), {"rating": "5", "text": "Good tea."})

    assert response.status_code == 429
    assert "Please slow down" in response.content.decode()
    assert Review.objects.count() == 10


def test_too_many_votes_answer_429(client, tea):
    reviews = [make_review(tea) for _ in range(61)]
    client.force_login(UserFactory())
    for review in reviews[:60]:
        client.post(reverse("review_helpful", args=[review.pk]))

    response = client.post(reverse("review_helpful", args=[reviews[60].pk]))

    assert response.status_code == 429
    assert ReviewVote.objects.count() == 60


def _queries(client, url, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_product_page_runs_as_many_queries_with_50_reviews_and_questions_as_with_none(
    client, tea, django_assert_max_num_queries
):
    shopper = UserFactory()
    client.force_login(shopper)
    empty = _queries(client, tea.url, django_assert_max_num_queries)
    for n in range(50):
        make_review(tea, rating=1 + n % 5, photos=[photo_upload()] if n % 10 == 0 else ())
        make_question(tea, answer="Yes, spring 2026.")
    make_review(tea, user=shopper, status="pending")
    make_question(tea, user=shopper)

    full = _queries(client, tea.url, django_assert_max_num_queries)

    assert full == empty
    client.get(tea.url + "?stars=photos")  # the photos' renditions are made on a first view
    with django_assert_max_num_queries(empty):
        content = client.get(tea.url + "?stars=photos").content.decode()
    assert "Reviews (50)" in content and "Questions (50)" in content
