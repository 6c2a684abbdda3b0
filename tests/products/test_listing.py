"""The faceted listing: exact counts, AND across facets, OR within one, calm bad input."""

import pytest
from django.http import QueryDict

from products.listing import (
    compute_facets,
    filterable_attributes,
    filtered_products,
    parse_filters,
)
from products.models import BrandPage, Product
from tests.factories import ImageFactory
from tests.factories.catalogue import make_category, make_product, make_product_type

pytestmark = pytest.mark.django_db


def run_listing(query: str):
    brands = list(BrandPage.objects.live().order_by("title"))
    filterable = filterable_attributes()
    filters = parse_filters(
        QueryDict(query), brands_by_slug={b.slug: b for b in brands}, filterable=filterable
    )
    base = Product.objects.live()
    names = sorted(filtered_products(base, filters, filterable).values_list("name", flat=True))
    return names, compute_facets(base, filters, filterable, brands), filters


def brand_counts(facets):
    return {brand.slug: count for brand, count in facets.brands}


def attribute_counts(facets, code):
    return next(
        {value: count for value, _label, count in values}
        for definition, values in facets.attributes
        if definition.code == code
    )


def test_unfiltered_listing_counts_every_live_product_and_no_draft(catalogue):
    names, facets, filters = run_listing("")

    assert names == ["Four", "One", "Three", "Two"]
    assert brand_counts(facets) == {"alpha": 2, "beta": 2}
    assert attribute_counts(facets, "storage") == {"128": 1, "256": 2}
    assert attribute_counts(facets, "colour") == {"black": 3, "white": 2}
    assert [(c.slug, n) for c, n in facets.categories] == [("phones", 3), ("audio", 1)]
    assert [(str(r.low), str(r.high), r.count) for r in facets.price_ranges] == [
        ("None", "50", 1),
        ("100", "300", 1),
        ("300", "1000", 1),
        ("1000", "3000", 1),
    ]
    assert filters.notices == []


def test_one_brand_narrows_results_but_brand_facet_still_offers_the_other(catalogue):
    names, facets, _ = run_listing("brand=alpha")

    assert names == ["One", "Three"]
    assert brand_counts(facets) == {"alpha": 2, "beta": 2}
    assert attribute_counts(facets, "storage") == {"128": 1, "256": 1}
    assert attribute_counts(facets, "colour") == {"black": 1, "white": 2}


def test_values_of_one_facet_combine_with_or(catalogue):
    names, _, _ = run_listing("brand=alpha&brand=beta")

    assert names == ["Four", "One", "Three", "Two"]


def test_facets_combine_with_and(catalogue):
    names, facets, _ = run_listing("brand=alpha&storage=256")

    assert names == ["Three"]
    assert brand_counts(facets) == {"alpha": 1, "beta": 1}
    assert attribute_counts(facets, "storage") == {"128": 1, "256": 1}


def test_multi_choice_values_or_within_the_attribute(catalogue):
    names, _, _ = run_listing("colour=white&colour=black&storage=128")

    assert names == ["One"]


def test_price_range_filters_on_the_lowest_variant_price(catalogue):
    names, facets, _ = run_listing("price_min=100&price_max=1000")

    assert names == ["One", "Two"]
    assert brand_counts(facets) == {"alpha": 1, "beta": 1}


def test_swapped_price_bounds_are_put_in_order(catalogue):
    names, _, filters = run_listing("price_min=1000&price_max=100")

    assert names == ["One", "Two"]
    assert (str(filters.price_min), str(filters.price_max)) == ("100.00", "1000.00")


def test_category_includes_its_subcategories(catalogue):
    names, facets, _ = run_listing("category=phones")

    assert names == ["One", "Three", "Two"]
    assert [(c.slug, n) for c, n in facets.categories] == [("android", 2)]


@pytest.mark.parametrize(
    "query, notice_fragment",
    [
        ("price_min=abc", "not a number"),
        ("price_max=-5", "positive"),
        ("brand=nope", "no brand"),
        ("category=nowhere", "no category"),
        ("price_min=NaN", "positive"),
    ],
)
def test_bad_filter_values_are_ignored_with_a_notice(catalogue, query, notice_fragment):
    names, _, filters = run_listing(query)

    assert names == ["Four", "One", "Three", "Two"]
    assert len(filters.notices) == 1 and notice_fragment in filters.notices[0]


def test_unknown_sort_falls_back_to_newest(catalogue):
    _, _, filters = run_listing("sort=drop table")

    assert filters.sort == "newest"


@pytest.mark.parametrize(
    "query",
    [
        "page=999999",
        "page=abc",
        "page=-3",
        "price_min=abc&brand=%3Cscript%3E",
        "storage=%27%3B--",
        "sort=price_desc",
    ],
)
def test_listing_page_never_fails_on_odd_input(client, catalogue, query):
    response = client.get(f"/products/?{query}")

    assert response.status_code == 200
    assert b"<script>" not in response.content.split(b"</head>")[1].replace(b"<script src", b"")


def test_out_of_range_page_shows_the_last_page_and_says_so(client, catalogue):
    response = client.get("/products/?page=999999")

    assert response.context["products"].number == 1
    assert any("only 1 page;" in notice for notice in response.context["filters"].notices)


def test_listing_page_has_canonical_address_without_page_one(client, catalogue):
    response = client.get("/products/?brand=alpha&page=1")

    assert b'rel="canonical" href="http://testserver/products/?brand=alpha"' in response.content


def test_sorting_by_price(client, catalogue):
    response = client.get("/products/?sort=price_desc")

    assert [p.name for p in response.context["products"]] == ["Three", "Two", "One", "Four"]


def _catalogue_of(count: int):
    category = make_category(f"Cat {count}", f"cat-{count}")
    product_type = make_product_type(
        f"Type {count}",
        attributes=[
            {
                "code": f"size{count}",
                "name": "Size",
                "kind": "choice",
                "choices": "S\nM",
                "filterable": True,
            },
        ],
    )
    image = ImageFactory()
    for index in range(count):
        make_product(
            category=category,
            product_type=product_type,
            prices=[f"{10 + index}.00"],
            attributes={f"size{count}": "S" if index % 2 else "M"},
            image=image,
        )


@pytest.mark.parametrize("count", [1, 48])
def test_listing_query_count_does_not_grow_with_products_shown(
    client, site_tree, django_assert_max_num_queries, count
):
    _catalogue_of(count)
    client.get("/products/")  # renditions are made on the first view

    with django_assert_max_num_queries(24):
        response = client.get("/products/")

    assert response.status_code == 200
    assert len(response.context["products"].object_list) == min(count, 24)


def test_cached_facet_counts_follow_publishing(catalogue):
    _, before, _ = run_listing("")
    assert brand_counts(before) == {"alpha": 2, "beta": 2}

    catalogue.draft.save_revision().publish()
    _, after, _ = run_listing("")
    catalogue.p2.unpublish()
    _, later, _ = run_listing("")

    assert brand_counts(after) == {"alpha": 3, "beta": 2}
    assert brand_counts(later) == {"alpha": 3, "beta": 1}


def test_attributes_sharing_a_code_across_product_types_share_a_facet(catalogue):
    bags = make_product_type(
        "Bag",
        attributes=[
            {
                "code": "colour",
                "name": "Colour",
                "kind": "multi_choice",
                "choices": "black\nred",
                "filterable": True,
            },
        ],
    )
    make_product(
        name="Bag", category=catalogue.audio, product_type=bags, attributes={"colour": "red"}
    )

    names, facets, _ = run_listing("colour=red&colour=white")

    assert names == ["Bag", "One", "Three"]
    assert attribute_counts(facets, "colour") == {"black": 3, "red": 1, "white": 2}


def test_number_facets_sort_by_size_and_yes_no_facets_read_as_words(site_tree):
    category = make_category("Bottles", "bottles")
    bottle = make_product_type(
        "Bottle",
        attributes=[
            {
                "code": "litres",
                "name": "Capacity",
                "kind": "number",
                "unit": "L",
                "filterable": True,
            },
            {"code": "insulated", "name": "Insulated", "kind": "boolean", "filterable": True},
        ],
    )
    for litres, insulated in [("18", "no"), ("2", "yes"), ("0.75", "yes")]:
        make_product(
            category=category,
            product_type=bottle,
            attributes={"litres": litres, "insulated": insulated},
        )

    _, facets, _ = run_listing("")

    values = {
        definition.code: [(value, str(label)) for value, label, _count in rows]
        for definition, rows in facets.attributes
    }
    assert values["litres"] == [("0.75", "0.75"), ("2", "2"), ("18", "18")]
    assert values["insulated"] == [("yes", "Yes"), ("no", "No")]


def test_a_price_bucket_link_selects_exactly_the_products_it_counts(catalogue):
    make_product(
        name="Edge", category=catalogue.audio, product_type=catalogue.phone, prices=["300.00"]
    )
    _, facets, _ = run_listing("")
    bucket = next(r for r in facets.price_ranges if r.low == 100)

    names, _, _ = run_listing(f"price_min={bucket.low}&price_max={bucket.max_param}")

    assert (bucket.count, names) == (1, ["One"])
