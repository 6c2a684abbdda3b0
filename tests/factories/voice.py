"""What shoppers say: bought lines to review, reviews in any state, questions, photos.

``bought_line(product, user=…)`` writes a bare order (``make_order`` without a shop) in
``status`` with one line of ``product``, enough for the "only a buyer" rule; reviews and
questions go through their services, as the storefront writes them.
"""

from decimal import Decimal
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from commerce.models import OrderLine, Question, Review
from commerce.questions.services import question_answer, question_ask
from commerce.reviews.services import review_approve, review_create, review_reject

from .orders import make_order
from .users import UserFactory


def bought_line(product, *, user=None, status: str = "delivered", **order_fields) -> OrderLine:
    """One line of ``product`` on an order of ``user`` (a new shopper by default) in
    ``status``."""
    variant = product.variants.first()
    order = make_order(
        user=user if user is not None else UserFactory(),
        status=status,
        lines=False,
        total=variant.price,
        **order_fields,
    )
    return OrderLine.objects.create(
        order=order,
        product=product,
        sku=variant.sku,
        product_name=product.name,
        unit_price=variant.price,
        quantity=1,
        discount=Decimal("0"),
        line_total=variant.price,
    )


def make_review(
    product,
    *,
    rating: int = 5,
    text: str = "Very good tea, fresh and fragrant.",
    status: str = "approved",
    user=None,
    staff=None,
    photos=(),
    anonymous: bool = False,
) -> Review:
    """A review by a new buyer of ``product``, approved (or left pending, or rejected)."""
    line = bought_line(product, user=user)
    review = review_create(
        user=line.order.user,
        line=line,
        rating=rating,
        text=text,
        photos=photos,
        anonymous=anonymous,
    )
    staff = staff or UserFactory(first_name="Wang")
    if status == "approved":
        review_approve(review=review, staff=staff)
    elif status == "rejected":
        review_reject(review=review, staff=staff, reason="Not about the product.")
    return review


def make_question(product, *, text="Is it from this year's harvest?", answer="", user=None):
    """A question by a new shopper, answered by "Customer service 小王" when ``answer``."""
    question = question_ask(user=user or UserFactory(), product=product, text=text, language="en")
    if answer:
        question_answer(question=question, staff=UserFactory(first_name="小王"), answer=answer)
    return Question.objects.get(pk=question.pk)


def photo_upload(name="photo.jpg", *, fmt="JPEG", size=(40, 30), exif: bytes | None = None):
    """An uploaded picture file (JPEG by default), optionally carrying EXIF bytes."""
    buffer = BytesIO()
    options = {"exif": exif} if exif else {}
    PILImage.new("RGB", size, "#55aa33").save(buffer, fmt, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
