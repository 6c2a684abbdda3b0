"""Admin wiring for the catalogue: products, categories, product types and stock."""

from urllib.parse import urlencode

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    PublishingPanel,
    TabbedInterface,
)
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn, UpdatedAtColumn
from wagtail.models import Revision, WorkflowState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.bilingual import contains_in_any_language, field_panels

from .forms import CategoryAdminForm, ProductAdminForm
from .models import Category, EditorPick, Product, ProductType, ProductVariant, Stock
from .showcases import card_images


def annotate_listing_status(queryset):
    """What the status column needs, in the listing's own query (Wagtail asks per row
    otherwise)."""
    content_type = ContentType.objects.get_for_model(Product)
    moderation = WorkflowState.objects.filter(
        base_content_type=content_type,
        object_id=Cast(OuterRef("pk"), CharField()),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    scheduled = Revision.objects.filter(
        base_content_type=content_type,
        object_id=Cast(OuterRef("pk"), CharField()),
        approved_go_live_at__isnull=False,
    )
    return queryset.annotate(in_moderation=Exists(moderation), is_scheduled=Exists(scheduled))


class ProductStatusColumn(StatusTagColumn):
    """Live / draft / in moderation / scheduled, read from annotate_listing_status."""

    def __init__(self, name, **kwargs):
        super().__init__(name, primary=lambda product: product.live, **kwargs)

    def get_value(self, instance):
        if getattr(instance, "in_moderation", False):
            return _("in moderation")
        if getattr(instance, "is_scheduled", False):
            return _("scheduled")
        if instance.live:
            return _("live + draft") if instance.has_unpublished_changes else _("live")
        return _("draft")


def annotate_stock_available(queryset):
    """Add ``stock_available_total`` (units available over all variants) in the same query."""
    variant_skus = ProductVariant.objects.filter(product_id=OuterRef(OuterRef("pk"))).values("sku")
    total = (
        Stock.objects.filter(sku__in=variant_skus)
        .annotate(group=Value(1))
        .values("group")
        .annotate(total=Sum(F("on_hand") - F("reserved")))
        .values("total")
    )
    return queryset.annotate(stock_available_total=Subquery(total))


# A query of more words than this is cut: every word adds a condition to one query.
ADMIN_SEARCH_MAX_WORDS = 8


def product_admin_search(queryset, query: str):
    """Products matching every word of ``query`` in their name, summary, address, brand,
    category (each in either language), or a variant's SKU or barcode.

    A plain database filter rather than the full-text index: staff type parts of names
    in Chinese (咖啡 inside 手冲咖啡豆, which no tokenizer splits), partial SKUs and
    barcodes, and the listing must answer the same on SQLite and PostgreSQL (Wagtail's
    SQLite backend cannot limit a search to chosen fields). Variants are matched in a
    subquery so a product with several matching SKUs is listed once.
    """
    for word in query.split()[:ADMIN_SEARCH_MAX_WORDS]:
        variant_match = ProductVariant.objects.filter(product_id=OuterRef("pk")).filter(
            Q(sku__icontains=word) | Q(barcode__icontains=word)
        )
        queryset = queryset.filter(
            contains_in_any_language("name", word)
            | contains_in_any_language("summary", word)
            | Q(slug__icontains=word)
            | contains_in_any_language("brand__title", word)
            | contains_in_any_language("primary_category__name", word)
            | Exists(variant_match)
        )
    return queryset


class ProductIndexView(SnippetIndexView):
    """The product listing; its search box goes through ``product_admin_search``."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return product_admin_search(queryset, self.search_query)


class ProductFilterSet(WagtailFilterSet):
    low_stock = django_filters.BooleanFilter(label=_("Low stock"), method="filter_low_stock")

    class Meta:
        model = Product
        fields = ["brand", "primary_category", "product_type", "live"]

    def filter_low_stock(self, queryset, name, value):
        low_skus = Stock.objects.filter(
            on_hand__lte=F("reserved") + F("low_stock_threshold")
        ).values("sku")
        if value:
            return queryset.filter(variants__sku__in=low_skus).distinct()
        return queryset.exclude(variants__sku__in=low_skus)


class ProductViewSet(SnippetViewSet):
    model = Product
    icon = "tag"
    menu_label = _("Products")
    menu_order = 100
    index_view_class = ProductIndexView
    list_display = [
        Column("thumbnail", label=_("Image"), accessor="admin_thumbnail"),
        "name",
        "brand",
        "primary_category",
        Column("min_price", label=_("Price from")),
        Column("stock_available", label=_("Stock"), accessor="admin_stock_available"),
        ProductStatusColumn("status", label=_("Status")),
        UpdatedAtColumn(label=_("Updated")),
    ]
    filterset_class = ProductFilterSet
    # Searched by product_admin_search (name, summary, slug, brand, category, SKU, barcode);
    # never through the search backend, whose SQLite flavour cannot search chosen fields.
    search_fields = ["name_zh_hans", "name_en", "summary_zh_hans", "summary_en", "slug"]
    search_backend_name = None
    list_per_page = 50
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    *field_panels("name"),
                    FieldPanel("slug"),
                    FieldRowPanel([FieldPanel("brand"), FieldPanel("product_type")]),
                    FieldRowPanel(
                        [FieldPanel("primary_category"), FieldPanel("extra_categories")]
                    ),
                    *field_panels("summary"),
                    *field_panels("description"),
                    InlinePanel(
                        "images",
                        label=_("Gallery"),
                        min_num=0,
                        panels=[FieldPanel("image"), FieldRowPanel(field_panels("alt_text"))],
                    ),
                ],
                heading=_("Content"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "variants",
                        label=_("Variants"),
                        min_num=1,
                        panels=[
                            FieldRowPanel([FieldPanel("sku"), FieldPanel("barcode")]),
                            FieldRowPanel(field_panels("option_1")),
                            FieldRowPanel(field_panels("option_2")),
                            FieldRowPanel(
                                [
                                    FieldPanel("price"),
                                    FieldPanel("compare_at_price"),
                                    FieldPanel("weight_grams"),
                                ]
                            ),
                        ],
                    ),
                ],
                heading=_("Variants and prices"),
            ),
            ObjectList(
                [
                    InlinePanel(
                        "attribute_values",
                        label=_("Attributes"),
                        panels=[FieldPanel("attribute"), FieldPanel("value")],
                    ),
                    *field_panels("tips"),
                    FieldPanel("tags"),
                ],
                heading=_("Specifications and tips"),
            ),
            ObjectList(
                [
                    *field_panels("meta_title"),
                    *field_panels("meta_description"),
                    PublishingPanel(),
                ],
                heading=_("SEO and publishing"),
            ),
        ],
        base_form_class=ProductAdminForm,
    )

    def get_queryset(self, request):
        return annotate_listing_status(
            annotate_stock_available(
                Product.objects.select_related(
                    "brand", "primary_category", "latest_revision"
                ).prefetch_related(Prefetch("images", queryset=card_images()), "variants")
            )
        )


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Categories")
    list_display = ["name", "slug_path"]
    search_fields = ["name_zh_hans", "name_en", "slug"]
    ordering = ["path"]
    edit_handler = ObjectList(
        [
            *field_panels("name"),
            FieldPanel("slug"),
            FieldPanel("parent"),
            *field_panels("description"),
            FieldPanel("image"),
        ],
        base_form_class=CategoryAdminForm,
    )


class ProductTypeViewSet(SnippetViewSet):
    model = ProductType
    icon = "list-ul"
    menu_label = _("Product types")
    list_display = ["name", "option_1_name", "option_2_name"]
    search_fields = ["name_zh_hans", "name_en"]
    panels = [
        *field_panels("name"),
        FieldRowPanel(field_panels("option_1_name")),
        FieldRowPanel(field_panels("option_2_name")),
        InlinePanel(
            "attribute_definitions",
            label=_("Attributes"),
            panels=[
                FieldRowPanel([FieldPanel("code"), FieldPanel("kind"), FieldPanel("validator")]),
                FieldRowPanel(field_panels("name")),
                FieldRowPanel(field_panels("unit")),
                # Line by line: the English choice on the same line as its Chinese one.
                FieldRowPanel(field_panels("choices")),
                FieldRowPanel(
                    [FieldPanel("required"), FieldPanel("filterable"), FieldPanel("in_specs")]
                ),
            ],
        ),
    ]


class StockAdminForm(WagtailAdminModelForm):
    """The SKU is fixed once the row exists: its movements in the ledger are filed under it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "sku" in self.fields:
            self.fields["sku"].disabled = True


class StockIndexView(SnippetIndexView):
    """Each row links to the ledger's forms (commerce.stock_admin) for the staff who may use
    them."""

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        query = "?" + urlencode({"sku": instance.sku})
        links = [("index", _("Movements"), "list-ul")]
        if self.request.user.has_perm("commerce.fulfil_order"):
            links += [
                ("purchase_in", _("Purchase in"), "plus"),
                ("adjust", _("Adjust"), "edit"),
                ("stocktake", _("Stock-take"), "tasks"),
            ]
        for priority, (view, label, icon) in enumerate(links, start=40):
            buttons.append(
                MenuItem(
                    label,
                    reverse(f"stock_movements:{view}") + query,
                    icon_name=icon,
                    priority=priority,
                )
            )
        return buttons


class StockViewSet(SnippetViewSet):
    """Stock rows. On hand and reserved are read-only here: they change only through the
    ledger (purchase in, adjustment, stock-take, orders), so their sums always match."""

    model = Stock
    icon = "clipboard-list"
    menu_label = _("Stock")
    index_view_class = StockIndexView
    list_display = [
        "sku",
        "on_hand",
        "reserved",
        Column("available", label=_("Available")),
        "low_stock_threshold",
    ]
    search_fields = ["sku"]
    ordering = ["sku"]
    edit_handler = ObjectList(
        [
            FieldPanel("sku"),
            FieldRowPanel(
                [
                    FieldPanel("on_hand", read_only=True),
                    FieldPanel("reserved", read_only=True),
                    FieldPanel("low_stock_threshold"),
                ]
            ),
        ],
        base_form_class=StockAdminForm,
    )


class EditorPickViewSet(SnippetViewSet):
    model = EditorPick
    icon = "pick"
    menu_label = _("Editor picks")
    list_display = ["product", "note"]
    sort_order_field = "sort_order"
    panels = [FieldPanel("product"), *field_panels("note")]


class CatalogueGroup(SnippetViewSetGroup):
    menu_label = _("Catalogue")
    menu_icon = "tag"
    menu_order = 150
    items = (ProductViewSet, CategoryViewSet, ProductTypeViewSet, StockViewSet, EditorPickViewSet)


register_snippet(CatalogueGroup)
