"""Customer voice end to end: shoppers review, ask and comment on the storefront, staff moderate,
answer and reply from the admin's "Customer voice" menu, and a visitor then sees it all.

- A buyer of a delivered Green tea reviews it with a photo; until customer service approves
  it the product page shows it to the buyer only, as waiting. Approved and replied to, it
  shows to a visitor with the photo (a rendition) and the shop's reply.
- Another shopper asks a question; customer service ("Customer service Wang") answers it
  from the Q&A queue and a visitor reads the pair, signed with the first name.
- A reader comments under a guide; an editor approves it and replies as the shop.

Every storefront and admin page is watched for console and script errors.
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from commerce.models import GuideComment, Question, Review
from tests.e2e import test_running_orders as running
from tests.factories import GuidePageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.voice import bought_line

staff_browser = running.staff_browser
sign_in, admin_sign_in, expect_message = (
    running.sign_in,
    running.admin_sign_in,
    running.expect_message,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REVIEW_TEXT = "Fresh, sweet and fragrant; the second brew is the best."
REPLY_TEXT = "Thank you! Try it at 80 °C for an even sweeter cup."
QUESTION_TEXT = "Is this tea from this spring's harvest?"
ANSWER_TEXT = "Yes, it was picked in April this year."
COMMENT_TEXT = "I warmed the cup first, as the guide says, and the tea opened up at once."
COMMENT_REPLY_TEXT = "Glad it helped! Next, try a lower water temperature."


@pytest.fixture
def tea(db):
    return make_product(
        category=make_category("Tea", "tea"),
        product_type=make_product_type(),
        name="Green tea",
        prices=["68.00"],
        on_hand=100,
    )


def open_voice_queue(page, entry: str) -> None:
    """Open ``entry`` (a queue) from the admin sidebar's "Customer voice" menu."""
    page.goto("/admin/")
    page.locator("nav").get_by_role("button", name="Customer voice").click()
    page.get_by_role("link", name=entry, exact=True).click()


def test_a_buyer_reviews_with_a_photo_and_customer_service_approves_and_replies(
    page, console_errors, staff_browser, staff_user, tea, tmp_path
):
    buyer = UserFactory(username="mei", email="mei@example.com", first_name="Mei")
    line = bought_line(tea, user=buyer)
    picture = tmp_path / "cup.png"
    Image.new("RGB", (400, 300), (90, 160, 60)).save(picture)

    sign_in(page, buyer)
    page.goto(f"/en/account/orders/{line.order.number}/")
    page.locator(".order-reviews").get_by_role("link", name="Write a review").click()
    expect(page.get_by_role("heading", name="Write a review")).to_be_visible()
    page.get_by_label("4★").check()
    page.get_by_label("Your review").fill(REVIEW_TEXT)
    page.get_by_label(re.compile(r"^Photos")).set_input_files(str(picture))
    page.get_by_role("button", name="Send review").click()
    expect(page).to_have_url(re.compile(r"/en/account/reviews/$"))
    expect(page.get_by_text("Your review will show once our team has checked it")).to_be_visible()
    review = Review.objects.get()
    assert (review.status, review.rating, review.text) == ("pending", 4, REVIEW_TEXT)
    assert review.photos.count() == 1

    # Waiting: the buyer sees it is, a visitor sees nothing of it.
    page.goto(f"/en/products/{tea.slug}/")
    reviews = page.locator("#reviews")
    expect(reviews.get_by_role("status")).to_have_text("Your review is awaiting moderation.")
    expect(reviews.locator("[data-review]")).to_have_count(0)
    visitor = staff_browser.open()
    visitor.goto(f"/en/products/{tea.slug}/")
    expect(visitor.locator("#reviews")).to_contain_text("Reviews (0)")
    expect(visitor.locator("#reviews")).not_to_contain_text(REVIEW_TEXT)

    # Customer service approves it from the queue and replies as the shop.
    service = staff_browser.open()
    admin_sign_in(service, staff_user("Customer service", first_name="Wang"))
    open_voice_queue(service, "Reviews")
    expect(service).to_have_url(re.compile(r"/admin/reviews/$"))
    row = service.locator("table.listing tbody tr", has_text="Green tea")
    expect(row).to_contain_text(REVIEW_TEXT)
    row.get_by_role("link", name="Open").click()
    expect(service.locator(".review-photos img")).to_have_count(1)
    service.get_by_role("button", name="Approve", exact=True).click()
    expect_message(service, "Review approved: it shows on the product page.")
    expect(service.locator("table.listing")).to_have_count(0)  # the queue is empty
    service.goto(f"/admin/reviews/{review.pk}/")
    service.get_by_label("Reply as the shop").fill(REPLY_TEXT)
    service.get_by_role("button", name="Save reply").click()
    expect_message(service, "Reply saved.")
    review.refresh_from_db()
    assert (review.status, review.reply) == ("approved", REPLY_TEXT)

    # A visitor sees the review, its photo and the reply.
    visitor.reload()
    shown = visitor.locator("#reviews [data-review]")
    expect(shown).to_have_count(1)
    expect(visitor.locator("#reviews-title")).to_have_text("Reviews (1)")
    expect(shown.locator(".review__text")).to_have_text(REVIEW_TEXT)
    expect(shown.locator(".stars")).to_have_attribute("aria-label", "4 of 5 stars")
    expect(shown.locator(".review__reply")).to_have_text(f"Reply from the shop: {REPLY_TEXT}")
    photo = shown.locator(".review__photos img")
    expect(photo).to_have_count(1)
    photo.scroll_into_view_if_needed()
    expect(photo).to_have_attribute("src", re.compile(r"/media/images/.+\.fill-160x160\..+"))
    visitor.wait_for_function(
        "image => image.complete && image.naturalWidth === 160", arg=photo.element_handle()
    )

    page.reload()
    expect(page.locator("#reviews").get_by_role("status")).to_have_count(0)
    expect(page.locator("#reviews [data-review]")).to_have_count(1)
    assert console_errors == []
    assert staff_browser.errors == []


def test_a_shopper_asks_a_question_and_customer_service_answers_it(
    page, console_errors, staff_browser, staff_user, tea
):
    shopper = UserFactory(username="lei", email="lei@example.com")

    sign_in(page, shopper)
    page.goto(f"/en/products/{tea.slug}/")
    questions = page.locator("#questions")
    expect(questions).to_contain_text("No questions answered yet.")
    questions.get_by_label("Ask a question about this product").fill(QUESTION_TEXT)
    questions.get_by_role("button", name="Ask").click()
    expect(page.get_by_text("Customer service will answer your question soon")).to_be_visible()
    own = page.locator("#questions .question--own")
    expect(own).to_contain_text(QUESTION_TEXT)
    expect(own).to_contain_text("Awaiting answer")
    question = Question.objects.get()
    assert question.status == "pending"

    service = staff_browser.open()
    admin_sign_in(service, staff_user("Customer service", first_name="Wang"))
    open_voice_queue(service, "Q&A queue")
    expect(service).to_have_url(re.compile(r"/admin/questions/$"))
    row = service.locator("table.listing tbody tr", has_text=QUESTION_TEXT)
    expect(row).to_contain_text("Green tea")
    row.get_by_role("link", name="Answer").click()
    expect(service.get_by_text("Your answer is signed “Customer service Wang”")).to_be_visible()
    service.get_by_role("textbox", name=re.compile(r"^Answer")).fill(ANSWER_TEXT)
    service.get_by_role("button", name="Publish the answer").click()
    expect_message(service, "Answer published; the shopper has been e-mailed.")
    question.refresh_from_db()
    assert (question.status, question.answer) == ("answered", ANSWER_TEXT)

    visitor = staff_browser.open()
    visitor.goto(f"/en/products/{tea.slug}/")
    answered = visitor.locator("#questions .question-list .question")
    expect(answered).to_have_count(1)
    expect(answered.locator(".question__text")).to_have_text(f"Q: {QUESTION_TEXT}")
    expect(answered.locator(".question__answer")).to_have_text(f"A: {ANSWER_TEXT}")
    expect(answered.locator(".question__meta")).to_contain_text("Customer service Wang")
    expect(visitor.locator("#questions")).to_contain_text("Questions (1)")

    page.reload()
    expect(page.locator("#questions .question--own")).to_have_count(0)
    expect(page.locator("#questions .question-list .question")).to_have_count(1)
    assert console_errors == []
    assert staff_browser.errors == []


def test_a_reader_comments_on_a_guide_and_an_editor_approves_and_replies(
    page, console_errors, staff_browser, staff_user
):
    editor = staff_user("Editors", first_name="Lin", email="editor@example.com")
    guide = GuidePageFactory(title="Brewing green tea", owner=editor)
    reader = UserFactory(username="zhang", email="zhang@example.com", first_name="Zhang")

    sign_in(page, reader)
    page.goto(f"/en/guides/{guide.slug}/")
    comments = page.locator("#comments")
    expect(comments.locator("#comments-title")).to_have_text("Comments (0)")
    comments.get_by_label("Leave a comment").fill(COMMENT_TEXT)
    comments.get_by_role("button", name="Post comment").click()
    own = page.locator("#comments .comment--own")
    expect(own).to_contain_text(COMMENT_TEXT)
    expect(own).to_contain_text("Awaiting moderation")
    comment = GuideComment.objects.get()
    assert comment.status == "pending"

    visitor = staff_browser.open()
    visitor.goto(f"/en/guides/{guide.slug}/")
    expect(visitor.locator("#comments")).not_to_contain_text(COMMENT_TEXT)

    desk = staff_browser.open()
    admin_sign_in(desk, editor)
    open_voice_queue(desk, "Guide comments")
    expect(desk).to_have_url(re.compile(r"/admin/guide-comments/$"))
    row = desk.locator("table.listing tbody tr", has_text=COMMENT_TEXT)
    expect(row).to_contain_text(guide.title)
    row.get_by_role("link", name="Open").click()
    desk.get_by_role("button", name="Approve", exact=True).click()
    expect_message(desk, "Comment approved: it shows under the guide.")
    desk.goto(f"/admin/guide-comments/{comment.pk}/")
    desk.get_by_label("Reply as the shop").fill(COMMENT_REPLY_TEXT)
    desk.get_by_role("button", name="Publish reply").click()
    expect_message(desk, "Reply published under the comment.")

    visitor.reload()
    thread = visitor.locator(f"#comment-{comment.pk}")
    expect(visitor.locator("#comments-title")).to_have_text("Comments (2)")
    expect(thread.locator(".comment__text").first).to_have_text(COMMENT_TEXT)
    reply = thread.locator(".comment--reply.comment--shop")
    expect(reply).to_have_count(1)
    expect(reply.locator(".comment__text")).to_have_text(COMMENT_REPLY_TEXT)
    expect(reply.locator(".comment__shop")).to_have_text("Editor")
    expect(visitor.locator("#comments .status-badge")).to_have_count(0)
    assert GuideComment.objects.filter(status="approved").count() == 2
    assert console_errors == []
    assert staff_browser.errors == []
