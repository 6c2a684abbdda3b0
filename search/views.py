"""The search results page and the header box's suggestions.

Views stay thin: search.matching finds, products.listing filters and sorts the
matches exactly as the catalogue does, search.facets counts, search.suggest
suggests. Any input is answered calmly: odd queries are cleaned, never parsed.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from core.events import event_record
from core.text import MAX_QUERY_LENGTH, clean_query, query_terms, surface_words
from guides.models import GuidePage
from products.listing import filterable_attributes, filtered_products, parse_filters
from products.models import BrandPage, Category, Product
from products.showcases import card_images

from .analytics import normalise_logged_query, popular_searches, search_query_record
from .facets import search_facets
from .matching import exact_product, match_guides, match_help_articles, match_products
from .seo import search_meta
from .suggest import corrections as find_corrections
from .suggest import suggest as find_suggestions

PRODUCTS_PER_PAGE = 24
RELEVANCE = "relevance"
POPULAR_CATEGORIES = 8
POPULAR_GUIDES = 4
POPULAR_SEARCHES = 8


def _sorts() -> list[tuple[str, str]]:
    return [
        (RELEVANCE, _("Best match")),
        ("newest", _("Newest")),
        ("price_asc", _("Price: low to high")),
        ("price_desc", _("Price: high to low")),
        ("best_selling", _("Best-selling")),
    ]


@require_GET
def search(request):
    """/search/?q=: products (with the listing's facets, sorting and pages), then guides and help
    articles."""
    raw_query = (request.GET.get("q") or "").strip()[:MAX_QUERY_LENGTH]
    query = clean_query(raw_query)
    if not query:
        return render(
            request,
            "search/search.html",
            {
                "search_query": raw_query,
                "seo": search_meta(request, raw_query),
                **_suggestions_for_nothing(""),
            },
        )
    product = exact_product(raw_query)
    if product is not None:
        _record(request, raw_query, results=1)
        return redirect(product.url)
    context = _results(request, query)
    _record(request, raw_query, results=context["result_count"])
    context["promotions"] = promoted_results(raw_query) if context["products"].number == 1 else []
    context["seo"] = search_meta(request, raw_query, context["products"])
    return render(request, "search/search.html", {"search_query": raw_query, **context})


def _record(request, raw_query: str, *, results: int) -> None:
    """Count the search for the report; refining it (facets, sorting, next page) is not a new
    search."""
    if set(request.GET) <= {"q"}:
        search_query_record(raw_query=raw_query, results=results)
        event_record(request, "search", query=" ".join(raw_query.split()), results=results)


def promoted_results(raw_query: str) -> list:
    """The merchandisers' picks for this query ("Recommended"), live pages and external links, in
    their order."""
    queries = {normalise_query_string(raw_query), normalise_logged_query(raw_query)}
    picks = (
        SearchPromotion.objects.filter(query__query_string__in=queries)
        .filter(Q(page__isnull=True) | Q(page__live=True))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    return list(picks)


def _results(request, query: str) -> dict:
    matches = match_products(query)
    brands = list(BrandPage.objects.live().order_by("title"))
    filterable = filterable_attributes()
    filters = parse_filters(
        request.GET, brands_by_slug={brand.slug: brand for brand in brands}, filterable=filterable
    )
    sort = RELEVANCE if request.GET.get("sort") in (None, "", RELEVANCE) else filters.sort
    base = Product.objects.live().filter(pk__in=matches.ids)
    page = _product_page(request, filtered_products(base, filters, filterable), sort, matches.ids)
    first_page = page.number == 1
    context = {
        "filters": filters,
        "facets": search_facets(
            base, filters, filterable, brands, terms=query_terms(query), matches=matches
        ),
        "products": page,
        "sort": sort,
        "sorts": _sorts(),
        "partial_match": matches.partial,
        "has_product_matches": bool(matches.ids),
        "highlight_words": surface_words(query),
        "guides": match_guides(query) if first_page else [],
        "help_articles": match_help_articles(query) if first_page else [],
    }
    context["result_count"] = (
        len(matches.ids) + len(context["guides"]) + len(context["help_articles"])
    )
    context["nothing_found"] = not context["result_count"]
    if not matches.ids:  # nothing at all, or only guides and help: say so, offer other searches
        context.update(_suggestions_for_nothing(query))
    return context


def _product_page(request, products, sort: str, ranked_ids: list[int]):
    """One page of products in the chosen order; "best match" keeps the backend's ranking."""
    with_cards = products.select_related("brand", "stats").prefetch_related(
        Prefetch("images", queryset=card_images())
    )
    if sort != RELEVANCE:
        return Paginator(with_cards, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    rank = {pk: position for position, pk in enumerate(ranked_ids)}
    ids = sorted(products.values_list("pk", flat=True), key=rank.__getitem__)
    page = Paginator(ids, PRODUCTS_PER_PAGE).get_page(request.GET.get("page"))
    by_pk = with_cards.in_bulk(list(page.object_list))
    page.object_list = [by_pk[pk] for pk in page.object_list]
    return page


def _suggestions_for_nothing(query: str) -> dict:
    """What an empty or fruitless search offers instead: what the shopper may have meant, the
    searches that find things most often, the biggest categories and the latest guides."""
    counts: dict[str, int] = {}
    rows = (
        Product.objects.live()
        .values_list("primary_category__path")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for path, count in rows:
        top = path[: Category.steplen]
        counts[top] = counts.get(top, 0) + count
    roots = sorted(
        Category.get_root_nodes(), key=lambda root: (-counts.get(root.path, 0), root.path)
    )
    categories = [root for root in roots if counts.get(root.path)][:POPULAR_CATEGORIES]
    guides = GuidePage.objects.live().public().order_by("-date", "-pk")[:POPULAR_GUIDES]
    searched = normalise_logged_query(query)
    return {
        "corrections": find_corrections(query) if query else [],
        "popular_searches": [
            {"text": text, "url": f"{reverse('search')}?{urlencode({'q': text})}"}
            for text in popular_searches(limit=POPULAR_SEARCHES + 1)
            if text != searched
        ][:POPULAR_SEARCHES],
        "popular_categories": categories,
        "popular_guides": list(guides),
    }


@require_GET
def suggest(request):
    """/search/suggest/?q=: JSON suggestions for the header box, at most ten."""
    raw_query = (request.GET.get("q") or "")[:MAX_QUERY_LENGTH]
    suggestions = [
        {"text": entry.text, "url": entry.url, "kind": entry.kind}
        for entry in find_suggestions(raw_query)
    ]
    return JsonResponse(
        {"query": raw_query, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )
