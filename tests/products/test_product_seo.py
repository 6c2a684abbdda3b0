"""What search engines read on the product page and the listing, in both languages (F-36): the
head tags, the Product and BreadcrumbList structured data, and true picture widths."""

from decimal import Decimal

import pytest

from commerce.inventory.services import stock_count
from commerce.models import ShippingMethod
from products.models import Product
from tests.factories import BrandPageFactory, ImageFactory, png_file
from tests.factories.catalogue import make_category, make_product, make_product_type
from tests.factories.voice import make_review
from tests.seo_html import read_head, served_image_size, srcset_widths

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org"


def path_of(product) -> str:
    """The product's Chinese address (``product.url`` follows the language last used)."""
    return f"/products/{product.slug}/"


@pytest.fixture(autouse=True)
def english():
    """This module reads the shop as shipped: Chinese at the root, English under /en/."""


@pytest.fixture
def teapot(site_tree):
    """A live product with two variants (one sold out), a brand, a category and a 1400 px
    photo; one delivery method."""
    ShippingMethod.objects.create(name="Standard", code="standard", base_fee=Decimal("10.00"))
    category = make_category("Teaware", "teaware")
    photo = ImageFactory(file=png_file("teapot.png", size=(1400, 1400)))
    product = make_product(
        name="Clay teapot",
        category=category,
        product_type=make_product_type(),
        brand=BrandPageFactory(title="Yixing Works", slug="yixing"),
        prices=["299.00", "399.00"],
        image=photo,
    )
    stock_count(sku=product.variants.last().sku, counted=0, actor=None)
    return product


@pytest.mark.parametrize("prefix, lang", [("", "zh-hans"), ("/en", "en")])
def test_the_product_head_names_the_page_in_its_language(client, teapot, prefix, lang):
    head = read_head(client.get(f"{prefix}{path_of(teapot)}"))

    address = f"http://testserver{prefix}{path_of(teapot)}"
    assert head.lang == lang
    assert head.title.startswith("Clay teapot · ")
    assert head.one("description") == "About Clay teapot"
    assert head.canonical == address
    assert head.alternates == {
        "zh-hans": f"http://testserver{path_of(teapot)}",
        "en": f"http://testserver/en{path_of(teapot)}",
        "x-default": f"http://testserver{path_of(teapot)}",
    }
    assert head.one("og:type") == "product"
    assert head.one("og:url") == address
    assert head.one("og:title") == head.one("twitter:title") == "Clay teapot"
    assert head.one("og:locale") == {"zh-hans": "zh_CN", "en": "en_US"}[lang]
    assert head.one("og:site_name")
    assert head.one("product:price:amount") == "299.00"
    assert head.one("product:price:currency") == "CNY"
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:image") == head.one("twitter:image")
    assert head.one("og:image").startswith("http://testserver/media/")


def test_the_meta_fields_win_over_the_name_and_summary(client, teapot):
    Product.objects.filter(pk=teapot.pk).update(
        meta_title="Clay teapot for oolong", meta_description="Hand-thrown in Yixing."
    )

    head = read_head(client.get(path_of(teapot)))

    assert head.title.startswith("Clay teapot for oolong · ")
    assert head.one("description") == head.one("og:description") == "Hand-thrown in Yixing."


def test_without_a_summary_the_description_is_the_descriptions_text_then_a_sentence(
    client, teapot
):
    Product.objects.filter(pk=teapot.pk).update(summary="", description="<p>Hand <b>made</b>.</p>")
    described = read_head(client.get(path_of(teapot))).one("description")
    Product.objects.filter(pk=teapot.pk).update(description="")
    bare = read_head(client.get(f"/en{path_of(teapot)}")).one("description")

    assert described == "Hand made."
    assert bare == "Clay teapot: prices, versions, specifications and delivery."


def test_the_og_image_says_its_real_size(client, teapot):
    head = read_head(client.get(path_of(teapot)))

    size = served_image_size(head.one("og:image"))
    assert size == (1200, 1200)
    assert (int(head.one("og:image:width")), int(head.one("og:image:height"))) == size


def test_a_small_photo_is_never_said_to_be_bigger_than_it_is(client, site_tree):
    small = make_product(
        category=make_category("Cups", "cups"),
        product_type=make_product_type(),
        image=ImageFactory(file=png_file("cup.png", size=(600, 600))),
    )

    head = read_head(client.get(path_of(small)))

    size = served_image_size(head.one("og:image"))
    assert size == (600, 600)
    assert (int(head.one("og:image:width")), int(head.one("og:image:height"))) == size
    gallery = [img for img in head.images if img.get("alt") == f"Photo of {small.name}"]
    assert "srcset" not in gallery[0] and "sizes" not in gallery[0]


def test_every_srcset_width_is_the_renditions_real_width(client, teapot):
    head = read_head(client.get(path_of(teapot)))

    srcsets = [img["srcset"] for img in head.images if img.get("srcset")]
    assert srcsets
    for srcset in srcsets:
        candidates = srcset_widths(srcset)
        widths = [width for _address, width in candidates]
        assert len(set(widths)) == len(widths), srcset
        for address, width in candidates:
            assert served_image_size(address)[0] == width, address


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_product_is_described_for_rich_results(client, teapot, prefix):
    head = read_head(client.get(f"{prefix}{path_of(teapot)}"))

    product = head.structured("Product")
    assert product["@context"] == SCHEMA
    assert product["name"] == "Clay teapot"
    assert product["url"] == f"http://testserver{prefix}{path_of(teapot)}"
    assert product["brand"] == {"@type": "Brand", "name": "Yixing Works"}
    assert product["image"] and all(url.startswith("http://") for url in product["image"])
    assert [
        (offer["sku"], offer["price"], offer["priceCurrency"], offer["availability"])
        for offer in product["offers"]
    ] == [
        (f"{teapot.variants.first().sku}", "299.00", "CNY", f"{SCHEMA}/InStock"),
        (teapot.variants.last().sku, "399.00", "CNY", f"{SCHEMA}/OutOfStock"),
    ]
    assert "aggregateRating" not in product and "review" not in product


def test_every_offer_says_its_delivery_and_return_terms(client, teapot):
    offers = read_head(client.get(path_of(teapot))).structured("Product")["offers"]

    for offer in offers:
        assert offer["shippingDetails"] == [
            {
                "@type": "OfferShippingDetails",
                "shippingLabel": "Standard",
                "shippingRate": {"@type": "MonetaryAmount", "value": "10.00", "currency": "CNY"},
                "shippingDestination": {"@type": "DefinedRegion", "addressCountry": "CN"},
            }
        ]
        policy = offer["hasMerchantReturnPolicy"]
        assert policy["@type"] == "MerchantReturnPolicy"
        assert policy["applicableCountry"] == "CN"
        assert policy["returnPolicyCategory"] == f"{SCHEMA}/MerchantReturnFiniteReturnWindow"
        assert policy["merchantReturnDays"] > 0


def test_approved_reviews_give_an_aggregate_rating(client, teapot):
    make_review(teapot, rating=5)
    make_review(teapot, rating=4)
    make_review(teapot, rating=1, status="pending")

    product = read_head(client.get(path_of(teapot))).structured("Product")

    rating = product["aggregateRating"]
    assert rating["@type"] == "AggregateRating"
    assert Decimal(rating["ratingValue"]) == Decimal("4.5")
    assert rating["reviewCount"] == 2
    assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
    assert sorted(review["reviewRating"]["ratingValue"] for review in product["review"]) == [4, 5]


def test_the_breadcrumb_is_listed_with_absolute_addresses(client, teapot):
    for prefix in ("", "/en"):
        crumbs = read_head(client.get(f"{prefix}{path_of(teapot)}")).structured("BreadcrumbList")

        elements = crumbs["itemListElement"]
        assert [element["position"] for element in elements] == [1, 2, 3, 4]
        assert [element.get("item") for element in elements] == [
            f"http://testserver{prefix}/",
            f"http://testserver{prefix}/products/",
            f"http://testserver{prefix}/products/?category=teaware",
            None,  # the page itself
        ]
        assert elements[-1]["name"] == "Clay teapot"


# The listing ---------------------------------------------------------------------------


@pytest.fixture
def shelf(site_tree):
    """25 live teapots in one category: two pages of the listing."""
    category = make_category("Teaware", "teaware")
    product_type = make_product_type()
    for _ in range(25):
        make_product(category=category, product_type=product_type)
    return category


@pytest.mark.parametrize("prefix, lang", [("", "zh-hans"), ("/en", "en")])
def test_the_listing_canonical_drops_the_sort_and_the_first_page(client, shelf, prefix, lang):
    head = read_head(client.get(f"{prefix}/products/", {"category": "teaware", "sort": "price"}))

    assert head.lang == lang
    assert head.canonical == f"http://testserver{prefix}/products/?category=teaware"
    assert head.one("og:url") == head.canonical
    assert head.alternates["x-default"] == "http://testserver/products/?category=teaware"
    assert "robots" not in head.meta  # every page of a list stays indexable


def test_each_later_page_is_its_own_canonical_with_its_own_title(client, shelf):
    first = read_head(client.get("/en/products/", {"category": "teaware", "page": "1"}))
    second = read_head(client.get("/en/products/", {"category": "teaware", "page": "2"}))

    # Google: each page of a paginated list is canonical to itself, not to page one.
    assert second.canonical == "http://testserver/en/products/?category=teaware&page=2"
    assert first.canonical == "http://testserver/en/products/?category=teaware"
    assert first.title != second.title and "2" in second.title
    assert first.one("description") != second.one("description")


def test_the_listing_and_the_product_pages_have_titles_of_their_own(client, shelf):
    titles = {
        read_head(client.get(path_of(product))).title
        for product in Product.objects.live().order_by("pk")[:5]
    }
    titles.add(read_head(client.get("/products/")).title)
    titles.add(read_head(client.get("/products/", {"category": "teaware"})).title)

    assert len(titles) == 7
