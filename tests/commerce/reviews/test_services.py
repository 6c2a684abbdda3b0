"""Reviews' rules: only a buyer of a delivered line, once per line; moderation and the
product's rating; anonymous names; photos; helpful votes."""

from decimal import Decimal
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from commerce.models import Refund, Review, ReviewPhoto
from commerce.reviews.selectors import review_summary
from commerce.reviews.services import (
    ReviewRefused,
    review_approve,
    review_create,
    review_edit,
    review_reject,
    review_vote_helpful,
    shown_name,
)
from core.errors import CommerceError
from core.uploads import UploadRefused
from products.models import ProductStats
from tests.factories import UserFactory
from tests.factories.voice import bought_line, make_review, photo_upload

pytestmark = pytest.mark.django_db

TEXT = "Fresh leaves, a clean taste."


def _write(line, **fields):
    return review_create(user=line.order.user, line=line, **{"rating": 4, "text": TEXT, **fields})


def _stats(product):
    stats = ProductStats.objects.get(product=product)
    return stats.rating, stats.review_count


@pytest.mark.parametrize("status", ["delivered", "completed"])
def test_a_buyer_of_a_delivered_line_writes_a_pending_review(tea, status):
    line = bought_line(tea, status=status)

    review = _write(line)

    assert (review.status, review.rating, review.text, review.product_id) == (
        "pending",
        4,
        TEXT,
        tea.pk,
    )


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("paid", "You can review this once the order has been delivered."),
        ("shipped", "You can review this once the order has been delivered."),
        ("cancelled", "A cancelled order cannot be reviewed."),
    ],
)
def test_a_line_not_delivered_or_cancelled_is_refused(tea, status, message):
    line = bought_line(tea, status=status)

    with pytest.raises(ReviewRefused) as refused:
        _write(line)

    assert refused.value.message == message
    assert not Review.objects.exists()


def test_a_fully_refunded_order_is_refused_a_partly_refunded_one_is_not(tea):
    refunded, partly = bought_line(tea), bought_line(tea)
    clerk = UserFactory()
    for line, amount in ((refunded, refunded.line_total), (partly, Decimal("1"))):
        Refund.objects.create(
            order=line.order, amount=amount, kind="manual", reason="Broken", created_by=clerk
        )

    with pytest.raises(ReviewRefused) as refused:
        _write(refunded)

    assert refused.value.message == "A refunded order cannot be reviewed."
    assert _write(partly).status == "pending"


def test_one_review_per_line(tea):
    line = bought_line(tea)
    _write(line)

    with pytest.raises(ReviewRefused) as refused:
        _write(line, rating=1)

    assert refused.value.message == "You have already reviewed this item."
    assert Review.objects.get().rating == 4


def test_someone_elses_line_is_refused(tea):
    line = bought_line(tea)

    with pytest.raises(ReviewRefused) as refused:
        review_create(user=UserFactory(), line=line, rating=5, text=TEXT)

    assert refused.value.message == "You can only review what you bought."


@pytest.mark.parametrize(
    ("rating", "text", "message"),
    [
        ("0", TEXT, "Please choose a rating from 1 to 5 stars."),
        ("6", TEXT, "Please choose a rating from 1 to 5 stars."),
        ("x", TEXT, "Please choose a rating from 1 to 5 stars."),
        ("5", "ok", "Your review needs at least 5 characters."),
        ("5", "a" * 1001, "Your review may be at most 1000 characters (you wrote 1001)."),
        (
            "5",
            "nul \x00 byte",
            "Your review contains characters that cannot be shown; please remove them.",
        ),
    ],
)
def test_bad_ratings_and_texts_are_refused_with_a_message(tea, rating, text, message):
    line = bought_line(tea)

    with pytest.raises(CommerceError) as refused:
        _write(line, rating=rating, text=text)

    assert refused.value.message == message
    assert not Review.objects.exists()


def test_approving_shows_and_counts_rejecting_hides_and_recounts(tea):
    staff = UserFactory()
    five = make_review(tea, rating=5, status="pending")
    four = make_review(tea, rating=4, status="pending")

    review_approve(review=five, staff=staff)
    review_approve(review=four, staff=staff)
    assert _stats(tea) == (Decimal("4.50"), 2)

    review_reject(review=five, staff=staff, reason="Off topic")
    five.refresh_from_db()
    assert (five.status, five.reject_reason, five.moderated_by) == ("rejected", "Off topic", staff)
    assert _stats(tea) == (Decimal("4.00"), 1)


def test_an_edit_goes_back_to_moderation_and_off_the_rating(tea):
    review = make_review(tea, rating=5)
    assert _stats(tea) == (Decimal("5.00"), 1)

    review_edit(
        review=review, user=review.user, rating=2, text="Stale after a week.", anonymous=False
    )

    review.refresh_from_db()
    assert (review.status, review.rating, review.text) == ("pending", 2, "Stale after a week.")
    assert _stats(tea) == (None, 0)


def test_an_edit_of_a_rejected_review_clears_the_reason(tea):
    review = make_review(tea, status="rejected")

    review_edit(review=review, user=review.user, rating=3, text="Better said now.", anonymous=True)

    review.refresh_from_db()
    assert (review.status, review.reject_reason) == ("pending", "")


def test_only_the_author_edits(tea):
    review = make_review(tea)

    with pytest.raises(ReviewRefused):
        review_edit(review=review, user=UserFactory(), rating=1, text=TEXT, anonymous=False)


def test_average_and_distribution_are_exact_on_a_known_set(tea):
    for rating in (5, 5, 5, 4, 4, 3, 1):
        make_review(tea, rating=rating)
    make_review(tea, rating=1, status="pending")
    make_review(tea, rating=1, status="rejected")

    summary = review_summary(tea.pk)

    assert (summary.count, summary.average, summary.stars) == (7, 3.9, "★★★★☆")
    assert summary.distribution == [(5, 3, 43), (4, 2, 29), (3, 1, 14), (2, 0, 0), (1, 1, 14)]
    assert _stats(tea) == (Decimal("3.86"), 7)


def test_anonymous_shows_the_first_character_and_two_stars():
    wang = UserFactory(first_name="小明", last_name="王")

    assert shown_name(wang, anonymous=True) == wang.get_full_name()[:1] + "**"
    assert shown_name(wang, anonymous=False) == wang.get_full_name()
    assert (
        shown_name(UserFactory(username="lilei", first_name="", last_name=""), anonymous=False)
        == "l**"
    )


def test_anonymous_review_never_stores_the_name(tea):
    buyer = UserFactory(first_name="Lei", last_name="Li")

    review = make_review(tea, user=buyer, anonymous=True)

    assert review.display_name == "L**"
    assert "Li" not in review.display_name[1:]


def test_photos_are_stored_re_encoded_in_the_user_uploads_collection(tea):
    line = bought_line(tea)

    review = _write(line, photos=[photo_upload("a.jpg"), photo_upload("b.png", fmt="PNG")])

    photos = list(ReviewPhoto.objects.filter(review=review).select_related("image__collection"))
    assert review.has_photos and len(photos) == 2
    assert {photo.image.collection.name for photo in photos} == {"User uploads"}


def test_exif_is_stripped_from_photos(tea):
    exif = PILImage.Exif()
    exif[0x010F] = "SpyCam"  # Make
    exif[0x8825] = {2: (39.0, 54.0, 0.0)}  # GPS latitude
    line = bought_line(tea)

    review = _write(line, photos=[photo_upload(exif=exif.tobytes())])

    with review.photos.get().image.open_file() as handle:
        data = handle.read()
    assert dict(PILImage.open(BytesIO(data)).getexif()) == {}
    assert b"SpyCam" not in data


def test_more_than_six_photos_are_refused_and_nothing_is_stored(tea):
    line = bought_line(tea)

    with pytest.raises(ReviewRefused) as refused:
        _write(line, photos=[photo_upload(f"{n}.jpg") for n in range(7)])

    assert refused.value.message == "A review may have at most 6 photos."
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"<html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    ],
)
def test_a_disguised_file_is_refused_and_nothing_is_stored(tea, content):
    line = bought_line(tea)
    upload = SimpleUploadedFile("photo.png", content, content_type="image/png")

    with pytest.raises(UploadRefused) as refused:
        _write(line, photos=[photo_upload("good.jpg"), upload])

    assert refused.value.message == "Please choose a photo in JPEG, PNG or WebP format."
    assert not Review.objects.exists() and not ReviewPhoto.objects.exists()


def test_a_helpful_vote_counts_once_per_shopper(tea):
    review = make_review(tea)
    shopper = UserFactory()

    assert review_vote_helpful(review=review, user=shopper) is True
    assert review_vote_helpful(review=review, user=shopper) is False
    assert review_vote_helpful(review=review, user=UserFactory()) is True

    review.refresh_from_db()
    assert review.helpful_count == 2


def test_no_vote_for_ones_own_or_a_pending_review(tea):
    review = make_review(tea)
    pending = make_review(tea, status="pending")

    with pytest.raises(ReviewRefused):
        review_vote_helpful(review=review, user=review.user)
    with pytest.raises(ReviewRefused):
        review_vote_helpful(review=pending, user=UserFactory())
