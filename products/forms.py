"""Admin forms for products: attribute values are checked against the product type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminModelForm

from .attributes import validate_attribute_values


class ProductAdminForm(WagtailAdminModelForm):
    """Adds the cross-checks a single field cannot make: attributes fit the type, one variant at least."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._limit_attribute_choices()

    def _limit_attribute_choices(self):
        """Offer only the attributes of the product's type (all types for a new product), in one query."""
        from .models import AttributeDefinition

        choices = AttributeDefinition.objects.select_related("product_type").order_by("product_type__name", "sort_order")
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
            form for form in formset.forms
            if hasattr(form, "cleaned_data") and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def _check_variants(self):
        if not self._live_forms("variants"):
            self.add_error(None, _("A product needs at least one variant (SKU and price)."))

    def _check_attribute_values(self, product_type):
        forms = [form for form in self._live_forms("attribute_values") if form.cleaned_data.get("attribute")]
        pairs = [(form.cleaned_data["attribute"], form.cleaned_data.get("value", "")) for form in forms]
        try:
            cleaned = validate_attribute_values(product_type=product_type, values=pairs)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
            return
        for form, (_definition, value) in zip(forms, cleaned):
            form.cleaned_data["value"] = value
            form.instance.value = value
