"""The recommendation rows read Chinese on a Chinese page: headings, the fallback's heading and
the recently viewed row (the check of tests/trust/test_every_page_in_chinese.py)."""

import pytest
from django.urls import reverse
from django.utils import translation

from analytics.recommendations.services import product_pairs_build
from products.models import ProductStats
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.trust.test_every_page_in_chinese import _english_sentences, untranslated

from .conftest import paid_order, visit

pytestmark = pytest.mark.django_db


def test_the_rows_read_chinese(client, site_tree, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    category, kind = make_category("茶叶", "cha"), make_product_type("茶")
    longjing, biluochun, tieguanyin, lonely = (
        make_product(category=category, product_type=kind, name=name)
        for name in ("西湖龙井", "碧螺春", "铁观音", "白毫银针")
    )
    paid_order(longjing, biluochun)
    visit("s1", longjing, tieguanyin)
    ProductStats.objects.filter(product=biluochun).update(sales_count=3)
    product_pairs_build()
    sentences = _english_sentences()

    with translation.override("zh-hans"):
        client.get(reverse("recently_viewed"), {"product": biluochun.pk})
        pages = [longjing.url, lonely.url, f"{reverse('recently_viewed')}?product={longjing.pk}"]
        problems = [problem for url in pages for problem in untranslated(client, url, sentences)]
        product_page = client.get(longjing.url).content.decode()
        fallback_page = client.get(lonely.url).content.decode()
        recently_viewed = client.get(reverse("recently_viewed")).content.decode()

    assert problems == []
    assert "买了这件商品的顾客还买了" in product_page
    assert "看过这件商品的顾客还看了" in product_page
    assert "茶叶热销" in fallback_page
    assert "最近浏览" in recently_viewed and "碧螺春" in recently_viewed
