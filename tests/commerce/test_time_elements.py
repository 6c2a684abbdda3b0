"""Every ``<time datetime>`` the storefront writes is a valid HTML date or date-and-time (at most
three digits of a second: timestamps carry microseconds, which HTML does not allow)."""

import re

import pytest

from commerce.guide_comments.services import guide_comment_post
from tests.factories import GuidePageFactory, UserFactory
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.voice import make_question, make_review

pytestmark = pytest.mark.django_db

VALID = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$")


def datetimes(content: str) -> list[str]:
    return re.findall(r'<time datetime="([^"]*)"', content)


def test_reviews_questions_and_comments_write_valid_times(client, staff_user):
    tea = make_product(
        category=make_category("Tea", "tea"), product_type=make_product_type(), name="Oolong"
    )
    make_review(tea, rating=5)
    make_question(tea, text="Which harvest?", answer="Spring.")
    editor = staff_user("Editors")
    guide = GuidePageFactory(owner=editor)
    guide_comment_post(user=editor, page=guide, text="Shown at once")
    UserFactory()

    found = datetimes(client.get(tea.url).content.decode())
    found += datetimes(client.get(guide.url).content.decode())

    assert len(found) >= 3
    assert [value for value in found if not VALID.match(value)] == []
