"""A shopper types in the header search box, picks a suggestion with the keyboard and lands on the
product."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import BrandPageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def make_catalogue():
    audio = make_category("耳机 Audio", "audio")
    audio_type = make_product_type("Audio")
    brand = BrandPageFactory(title="声谷 SoundValley", slug="soundvalley")
    earbuds = make_product(
        name="蓝牙降噪耳机 Q5", category=audio, product_type=audio_type, brand=brand
    )
    make_product(name="有线监听耳机 Studio", category=audio, product_type=audio_type, brand=brand)
    return earbuds


def test_shopper_picks_a_suggestion_with_the_keyboard(page, console_errors):
    earbuds = make_catalogue()
    page.goto("/")
    box = page.locator("header.site-header input[name=q]")

    box.fill("lanya")  # pinyin of 蓝牙
    listbox = page.locator("[role=listbox]")
    expect(box).to_have_attribute("aria-expanded", "true")
    option = listbox.locator("[role=option]", has_text="蓝牙降噪耳机 Q5")
    expect(option).to_be_visible()
    options = listbox.locator("[role=option]")
    position = next(
        i for i in range(options.count()) if "蓝牙降噪耳机 Q5" in options.nth(i).inner_text()
    )
    for _ in range(position + 1):
        box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", re.compile(".+"))
    box.press("Enter")

    expect(page).to_have_url(re.compile(rf"/products/{earbuds.slug}/$"))
    expect(page.locator("h1.product__name")).to_have_text("蓝牙降噪耳机 Q5")
    assert console_errors == []


def test_escape_closes_the_suggestions_and_enter_searches(page, console_errors):
    make_catalogue()
    page.goto("/")
    box = page.locator("header.site-header input[name=q]")

    box.fill("耳机")
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/search/\?q="))
    expect(page.locator(".product-card")).to_have_count(2)
    assert console_errors == []
