"""``{% srcset_image %}`` whose width descriptors are all true and all different.

Wagtail's renditions never upscale: asking a 600 px original for ``fill-{600x600,1000x1000}``
gives two 600 px renditions, and Wagtail's tag describes both as ``600w`` (a duplicate the
HTML checker rejects, and a 1000 px choice that does not exist). This tag keeps one rendition
per real width; with only one left it writes a plain ``<img>`` (no ``srcset``, no ``sizes``).
Load it after ``wagtailimages_tags``: ``{% load wagtailimages_tags responsive_images %}``.
"""

from django import template
from wagtail.images.models import ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

register = template.Library()


class TrueWidthImage(ResponsiveImage):
    """Renditions with distinct real widths, narrowest first."""

    def __init__(self, renditions: dict, attrs: dict | None = None):
        unique = {}
        for spec, rendition in renditions.items():
            if all(kept.width != rendition.width for kept in unique.values()):
                unique[spec] = rendition
        ordered = dict(sorted(unique.items(), key=lambda item: item[1].width))
        super().__init__(ordered, attrs)
        if len(self.renditions) < 2 and self.attrs:
            self.attrs = {key: value for key, value in self.attrs.items() if key != "sizes"}


class TrueSrcsetImageNode(SrcsetImageNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = TrueWidthImage(renditions)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return TrueWidthImage(renditions, attrs).__html__()


@register.tag("srcset_image")
def srcset_image(parser, token):
    """Parsed as Wagtail's tag, rendered with true, distinct width descriptors."""
    node = parse_image_tag(parser, token)
    return TrueSrcsetImageNode(
        node.image_expr,
        node.filter_specs,
        attrs=node.attrs,
        output_var_name=node.output_var_name,
    )
