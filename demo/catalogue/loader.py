"""Builds the demo catalogue. Everything is looked up before it is created, so a
second run changes nothing; products are published through a revision, as a
merchandiser's would be."""

import datetime
import math
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import ImageDraw
from taggit.models import Tag
from wagtail.models import Revision
from wagtail.search.backends import get_search_backends

from commerce.inventory.services import opening_movements
from commerce.models import RegionRule, ShippingMethod, StockMovement
from core import bilingual
from demo import images as drawing
from demo.bilingual import chinese, english, fields, split_fields, split_paragraph
from demo.library import ImageLibrary
from guides.models import GuidePage
from home.models import HomePage
from products.attributes import isbn_is_valid
from products.cache import bump_catalogue_version
from products.models import (
    AttributeDefinition,
    BrandPage,
    Category,
    EditorPick,
    Product,
    ProductAttributeValue,
    ProductImage,
    ProductStats,
    ProductTag,
    ProductType,
    ProductVariant,
    Stock,
)

from .content import (
    CATEGORIES,
    CATEGORY_DESCRIPTIONS_EN,
    GUIDE_PRODUCTS,
    ISBN_STEM,
    LINE_TAGS,
    LINES,
    PRODUCT_TYPES,
    REMOTE_SURCHARGES,
    SHIPPING_METHODS,
    TIPS,
)

CENT = Decimal("0.01")


def isbn_for(number: int) -> str:
    """A valid ISBN-13 built from the demo stem and a running number."""
    body = f"{ISBN_STEM}{number % 1000:03d}"
    for check in range(10):
        if isbn_is_valid(body + str(check)):
            return body + str(check)
    raise ValueError(body)


def shop_price(value: float) -> Decimal:
    """A shop-like price: rounded to end in 9 (e.g. 237.4 → 239)."""
    return Decimal(max(9, int(math.ceil(value / 10.0)) * 10 - 1)).quantize(CENT, ROUND_HALF_UP)


def draw_product(*, title: str, model: str, motif: str, colour: str) -> bytes:
    """A square product shot: soft gradient, the line's motif, the model name."""
    main = drawing.hex_rgb(colour)
    image = drawing.gradient(
        (600, 600), drawing.mix(main, drawing.WHITE, 0.75), drawing.mix(main, drawing.WHITE, 0.35)
    )
    draw = ImageDraw.Draw(image)
    draw.ellipse((110, 70, 490, 450), fill=drawing.mix(main, drawing.WHITE, 0.15))
    drawing.draw_motif(
        draw, motif, (170, 130, 430, 390), main, drawing.mix(main, drawing.INK, 0.3)
    )
    # Only the Latin part of the model name: the built-in font has no Chinese glyphs.
    latin_model = "".join(ch for ch in model if ord(ch) < 128).strip() or model
    draw.text((300, 500), latin_model, font=drawing.font(44), fill=drawing.INK, anchor="mm")
    draw.text((300, 550), title[:40], font=drawing.font(22), fill=drawing.MUTED, anchor="mm")
    return drawing.png_bytes(image)


class CatalogueDemoLoader:
    """Loads categories, product types, shipping methods, products and showcases."""

    def __init__(self, log: Callable[[str], None] = lambda message: None):
        self.log = log

    @transaction.atomic
    def run(self) -> None:
        self.images = ImageLibrary()
        self.categories = self.load_categories()
        self.types = self.load_product_types()
        self.load_shipping_methods()
        self.brands = {brand.slug: brand for brand in BrandPage.objects.all()}
        created = self.load_products()
        self.log(f"Products: {created} created, {Product.objects.count() - created} already there")
        self.load_editor_picks()
        self.add_product_rows_to_home_page()
        self.add_product_cards_to_guides()

    def load_categories(self) -> dict[str, Category]:
        existing = {category.slug: category for category in Category.objects.all()}
        for slug, name, parent_slug, description in CATEGORIES:
            if slug in existing:
                continue
            texts = {
                **split_fields("name", name),
                **fields("description", description, CATEGORY_DESCRIPTIONS_EN.get(slug)),
            }
            if parent_slug is None:
                existing[slug] = Category.add_root(slug=slug, **texts)
            else:
                existing[slug] = existing[parent_slug].add_child(slug=slug, **texts)
        return existing

    def load_product_types(self) -> dict[str, ProductType]:
        types = {}
        for key, (name, option_1, option_2, attributes) in PRODUCT_TYPES.items():
            type_name = split_fields("name", name, bilingual.LABEL_EN_FIRST)
            product_type = ProductType.objects.filter(
                name_zh_hans__in=[type_name["name_zh_hans"], name]
            ).first()
            if product_type is None:
                product_type = ProductType.objects.create(
                    **type_name,
                    **split_fields("option_1_name", option_1),
                    **split_fields("option_2_name", option_2),
                )
                for position, (
                    code,
                    label,
                    kind,
                    unit,
                    choices,
                    required,
                    filterable,
                    validator,
                ) in enumerate(attributes):
                    AttributeDefinition.objects.create(
                        product_type=product_type,
                        sort_order=position,
                        code=code,
                        **split_fields("name", label),
                        kind=kind,
                        **fields("unit", unit),
                        **split_fields("choices", choices, bilingual.LINES),
                        required=required,
                        filterable=filterable,
                        validator=validator,
                    )
            types[key] = product_type
        return types

    def load_shipping_methods(self) -> None:
        for (
            code,
            name,
            description,
            base,
            first,
            step,
            step_fee,
            free_from,
            order,
        ) in SHIPPING_METHODS:
            if ShippingMethod.objects.filter(code=code).exists():
                continue
            method = ShippingMethod.objects.create(
                code=code,
                name=name,
                description=description,
                base_fee=Decimal(base),
                first_weight_grams=first,
                step_grams=step,
                step_fee=Decimal(step_fee),
                free_shipping_threshold=Decimal(free_from),
                sort_order=order,
            )
            for province, surcharge in REMOTE_SURCHARGES.items():
                RegionRule.objects.create(
                    method=method,
                    province=province,
                    surcharge=Decimal(surcharge),
                    unavailable=(code == "sf-express" and province == "tibet"),
                )

    def load_products(self) -> int:
        """Build every missing product in memory, then write them with bulk inserts.

        Saving 350 products one by one through publish() takes over a minute (each
        save re-indexes search and references for every child row); bulk writes
        take seconds. Each product still gets a first revision that is its live
        revision, exactly what publishing would have stored.
        """
        existing = set(Product.objects.values_list("slug", flat=True))
        new = []
        number = 0
        for line in LINES:
            definitions = {
                d.code: d for d in self.types[line.product_type].attribute_definitions.all()
            }
            for item_index, (name_cn, name_en) in enumerate(line.items):
                for model_index, model in enumerate(line.models):
                    number += 1
                    slug = slugify(f"{line.category} {name_en} {model}")[:200]
                    if slug not in existing:
                        new.append(
                            (
                                line,
                                self.build_product(
                                    line,
                                    definitions,
                                    number,
                                    slug,
                                    name_cn,
                                    name_en,
                                    item_index,
                                    model_index,
                                    model,
                                ),
                                number,
                            )
                        )
        if new:
            self.write_products(new)
        return len(new)

    def build_product(
        self, line, definitions, number, slug, name_cn, name_en, item_index, model_index, model
    ):
        """An unsaved live product with its variants, attributes, picture and tips in memory."""
        brand = self.brands.get(line.brand)
        price = shop_price(line.base_price * (1 + 0.12 * model_index + 0.2 * item_index))
        published_at = timezone.now() - datetime.timedelta(
            days=(number * 7) % 90, hours=number % 24
        )
        category = self.categories[line.category]
        model_cn, model_en = chinese(model), english(model)
        brand_cn = brand.title_zh_hans if brand else ""
        brand_en = (brand.title_en or brand.title_zh_hans) if brand else ""
        product = Product(
            **fields("name", f"{name_cn} {model_cn}", f"{name_en} {model_en}"),
            slug=slug,
            brand=brand,
            primary_category=category,
            product_type=self.types[line.product_type],
            **fields(
                "summary",
                f"{brand_cn} · {name_cn} {model_cn}".strip(" ·"),
                f"{brand_en} · {name_en} {model_en}".strip(" ·"),
            ),
            **fields(
                "description",
                f"<p>{name_cn}（{model_cn}）——{category.description_zh_hans}</p>",
                f"<p>{name_en} {model_en}: thoughtfully made, tested by our buyers, delivered "
                f"from our own warehouse.</p>",
            ),
            **fields("tips", *self.tips_for(line.product_type)),
            live=True,
            has_unpublished_changes=False,
            first_published_at=published_at,
            last_published_at=published_at,
        )
        product.variants = list(self.variants_for(line, number, price))
        product.min_price = min(variant.price for variant in product.variants.all())
        product.attribute_values = list(
            self.attribute_values_for(line, definitions, number, item_index, model_index)
        )
        picture = self.images.get(
            title=f"商品 Product · {slug}",
            filename=f"product-{slug}.png",
            description=f"{name_cn} {model}",
            draw=lambda: draw_product(
                title=name_en, model=model, motif=line.motif, colour=line.colour
            ),
        )
        product.images = [
            ProductImage(
                image=picture,
                **fields("alt_text", f"{name_cn} {model_cn}", f"{name_en} {model_en}"),
                sort_order=0,
            )
        ]
        return product

    @staticmethod
    def tips_for(product_type: str) -> tuple[list, list]:
        """The type's tips as a Chinese and an English stream: titles "中文 English", texts
        "<p>中文。English.</p>" (content.TIPS)."""
        chinese_tips, english_tips = [], []
        for kind, title, text in TIPS[product_type]:
            text_cn, text_en = split_paragraph(text)
            chinese_tips.append(("tip", {"kind": kind, "title": chinese(title), "text": text_cn}))
            english_tips.append(
                ("tip", {"kind": kind, "title": english(title), "text": text_en or text_cn})
            )
        return chinese_tips, english_tips

    def write_products(self, new) -> None:
        products = Product.objects.bulk_create([product for _line, product, _number in new])
        children = {"variants": [], "attribute_values": [], "images": []}
        for product in products:
            for relation, rows in children.items():
                for child in getattr(product, relation).all():
                    child.product = product
                    rows.append(child)
        ProductVariant.objects.bulk_create(children["variants"])
        ProductAttributeValue.objects.bulk_create(children["attribute_values"])
        ProductImage.objects.bulk_create(children["images"])
        self.tag_products(new)
        self.write_first_revisions(products)
        self.write_stock(
            [
                Stock(
                    sku=variant.sku,
                    on_hand=0
                    if number % 11 == 0
                    else (number * 37 + variant.sort_order * 13) % 120,
                )
                for _line, product, number in new
                for variant in product.variants.all()
            ]
        )
        ProductStats.objects.bulk_create(
            [
                ProductStats(product=product, sales_count=(number * 53) % 500)
                for _line, product, number in new
            ],
            ignore_conflicts=True,
        )
        for backend in get_search_backends():
            backend.add_bulk(Product, products)
        bump_catalogue_version()

    @staticmethod
    def write_stock(rows) -> None:
        """Stock rows with their opening-balance movements, so the ledger's sums match from the
        start.

        SKUs that already have a row (a rerun) keep it and get no second opening movement.
        """
        existing = set(
            Stock.objects.filter(sku__in=[row.sku for row in rows]).values_list("sku", flat=True)
        )
        fresh = [row for row in rows if row.sku not in existing]
        Stock.objects.bulk_create(fresh)
        StockMovement.objects.bulk_create(opening_movements(fresh))

    @staticmethod
    def tag_products(new) -> None:
        tags = {}
        for name in {name for names in LINE_TAGS.values() for name in names}:
            slug = f"product-{slugify(name)}"
            tags[name] = (
                Tag.objects.filter(slug=slug).first()
                or Tag.objects.filter(name=name).first()
                or Tag.objects.create(name=name, slug=slug)
            )
        ProductTag.objects.bulk_create(
            [
                ProductTag(content_object=product, tag=tags[name])
                for line, product, _number in new
                for name in LINE_TAGS.get(line.category, [])
            ]
        )

    @staticmethod
    def write_first_revisions(products) -> None:
        content_type = ContentType.objects.get_for_model(Product)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=content_type,
                    base_content_type=content_type,
                    object_id=str(product.pk),
                    created_at=product.first_published_at,
                    object_str=str(product)[:250],
                    content=product.serializable_data(),
                )
                for product in products
            ]
        )
        for product, revision in zip(products, revisions, strict=True):
            product.latest_revision = product.live_revision = revision
        Product.objects.bulk_update(products, ["latest_revision", "live_revision"])

    @staticmethod
    def variants_for(line, number, price):
        options_1 = line.options_1 or ("",)
        options_2 = line.options_2 or ("",)
        position = 0
        for index_1, option_1 in enumerate(options_1):
            for option_2 in options_2:
                # Food comes in sizes: a bigger pack costs more, per gram a little less.
                factor = 1 + 0.8 * index_1 if line.product_type == "food" else 1
                variant_price = shop_price(float(price) * factor) if factor != 1 else price
                compare_at = shop_price(float(variant_price) * 1.25) if number % 5 == 0 else None
                yield ProductVariant(
                    sku=f"{line.brand[:4].upper()}-{number:04d}-{position:02d}",
                    **split_fields("option_1", option_1),
                    **split_fields("option_2", option_2),
                    price=variant_price,
                    compare_at_price=compare_at,
                    weight_grams=int(line.weight_grams * factor),
                    barcode=f"69{number:06d}{position:02d}",
                    sort_order=position,
                )
                position += 1

    @staticmethod
    def attribute_values_for(line, definitions, number, item_index, model_index):
        for code, values in line.attributes.items():
            # A choice is stored as its Chinese text; its English label is the English choice.
            value = values[(item_index + model_index) % len(values)]
            yield ProductAttributeValue(attribute=definitions[code], value=chinese(value))
        if line.product_type == "book":
            yield ProductAttributeValue(attribute=definitions["isbn"], value=isbn_for(number))

    def load_editor_picks(self) -> None:
        if EditorPick.objects.exists():
            return
        picks = []
        for line in LINES:
            product = (
                Product.objects.live()
                .filter(primary_category__slug=line.category)
                .order_by("pk")
                .first()
            )
            if product is not None:
                picks.append(product)
        for position, product in enumerate(picks[:8]):
            EditorPick.objects.create(
                product=product,
                sort_order=position,
                **split_fields("note", "编辑推荐 Editor's pick"),
            )

    def add_product_rows_to_home_page(self) -> None:
        home = HomePage.objects.get(depth=2)
        if any(block.block_type == "product_row" for block in home.body_zh_hans or []):
            return
        rows = [
            ("热销榜 Hot sellers", "hot", None, 8),
            ("编辑推荐 Editor's picks", "recommended", None, 8),
            ("新品上架 New arrivals", "new", None, 8),
            ("好茶好咖啡 Tea & coffee", "category", self.categories["food"], 4),
        ]
        # Each language's body, after the banners and the welcome text, before the guides.
        for language_name, part in (("body_zh_hans", chinese), ("body_en", english)):
            body = getattr(home, language_name)
            if body is None:
                continue
            position = min(2, len(body))
            for offset, (heading, rule, category, count) in enumerate(rows):
                body.insert(
                    position + offset,
                    (
                        "product_row",
                        {
                            "heading": part(heading),
                            "rule": rule,
                            "products": [],
                            "category": category,
                            "count": count,
                        },
                    ),
                )
            setattr(home, language_name, body)
        home.save_revision().publish()
        self.log("Home page: product rows added")

    def add_product_cards_to_guides(self) -> None:
        heading = "文中提到的商品 Products in this guide"
        for guide in GuidePage.objects.filter(slug__in=GUIDE_PRODUCTS.keys()):
            if any(block.block_type == "products" for block in guide.body_zh_hans or []):
                continue
            products = list(
                Product.objects.live()
                .filter(primary_category__slug=GUIDE_PRODUCTS[guide.slug])
                .order_by("pk")[:4]
            )
            if not products:
                continue
            for language_name, part in (("body_zh_hans", chinese), ("body_en", english)):
                body = getattr(guide, language_name)
                if body:  # a guide without an English body shows the Chinese one, cards included
                    body.append(("products", {"heading": part(heading), "products": products}))
                    setattr(guide, language_name, body)
            guide.save_revision().publish()
