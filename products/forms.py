"""Admin forms for products: attribute values are checked against the product type."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from .attributes import validate_attribute_values


class ProductAdminForm(WagtailAdminModelForm):
    """Adds the cross-checks a single field cannot make: attributes fit the type, one variant at
    least."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_attribute_choices()

    def _limit_attribute_choices(self):
        """Offer only the attributes of the product's type (all types for a new product), in one
        query."""
        from .models import AttributeDefinition

        choices = AttributeDefinition.objects.select_related("product_type").order_by(
            "product_type__name", "sort_order"
        )
        if self.instance.product_type_id:
            choices = choices.filter(product_type_id=self.instance.product_type_id)
        formset = self.formsets.get("attribute_values")
        if formset is None:
            return
        for form in [*formset.forms, formset.empty_form]:
            form.fields["attribute"].queryset = choices

    def is_valid(self):
        # The inline formsets are validated after the form's own clean(), so the
        # checks that need both run here, once everything else has been cleaned.
        valid = super().is_valid()
        if all(formset.is_valid() for formset in self.formsets.values()):
            self._check_variants()
            product_type = self.cleaned_data.get("product_type")
            if product_type is not None:
                self._check_attribute_values(product_type)
        return valid and not self.errors

    def _live_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if hasattr(form, "cleaned_data")
            and form.cleaned_data
            and not form.cleaned_data.get("DELETE")
        ]

    def _check_variants(self):
        if not self._live_forms("variants"):
            self.add_error(None, _("A product needs at least one variant (SKU and price)."))

    def _check_attribute_values(self, product_type):
        forms = [
            form
            for form in self._live_forms("attribute_values")
            if form.cleaned_data.get("attribute")
        ]
        pairs = [
            (form.cleaned_data["attribute"], form.cleaned_data.get("value", "")) for form in forms
        ]
        try:
            cleaned = validate_attribute_values(product_type=product_type, values=pairs)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
            return
        for form, (_definition, value) in zip(forms, cleaned, strict=True):
            form.cleaned_data["value"] = value
            form.instance.value = value


class CategoryAdminForm(WagtailAdminModelForm):
    """Categories are tree nodes: the form asks for a parent and places the node under it."""

    parent = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=gettext_lazy("Parent category"),
        help_text=gettext_lazy("Leave empty for a top-level category."),
    )

    def __init__(self, *args, **kwargs):
        from .models import Category

        super().__init__(*args, **kwargs)
        choices = Category.objects.order_by("path")
        if self.instance.pk:
            # A category cannot move under itself or its own descendants.
            choices = choices.exclude(path__startswith=self.instance.path)
            self.initial.setdefault("parent", self.instance.get_parent())
        self.fields["parent"].queryset = choices
        self.fields["parent"].label_from_instance = lambda category: (
            f"{'— ' * (category.depth - 1)}{category.name}"
        )

    def save(self, commit=True):
        from .models import Category

        category = super().save(commit=False)
        if not commit:
            return category
        parent = self.cleaned_data.get("parent")
        if category.pk is None:
            return (
                parent.add_child(instance=category)
                if parent
                else Category.add_root(instance=category)
            )
        category.save()
        current_parent = category.get_parent()
        if parent != current_parent:
            if parent is None:
                category.move(Category.get_last_root_node(), pos="last-sibling")
            else:
                category.move(parent, pos="last-child")
            category = Category.objects.get(pk=category.pk)
        category.refresh_slug_paths()
        return category
