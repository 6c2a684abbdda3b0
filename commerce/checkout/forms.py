"""Checkout forms. Choices are built per shopper (their addresses, the methods that
deliver, the red packets that fit the cart), so only valid options are offered and
anything else posted is refused by the choice validation.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Address

from ..payments.providers import available_providers

NEW_ADDRESS = "new"


class DeliveryAddressForm(forms.ModelForm):
    """A new delivery address typed at checkout (saved to the address book when signed in)."""

    class Meta:
        model = Address
        fields = ["recipient", "mobile", "province", "city", "district", "street", "postcode"]
        widgets = {
            "mobile": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "tel"})
        }


class CheckoutForm(forms.Form):
    email = forms.EmailField(label=_("E-mail for the order confirmation"), required=False)
    address = forms.ChoiceField(label=_("Deliver to"), widget=forms.RadioSelect, required=False)
    shipping_method = forms.ChoiceField(label=_("Shipping"), widget=forms.RadioSelect)
    payment_method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)
    red_packet = forms.ChoiceField(label=_("Red packet"), widget=forms.RadioSelect, required=False)
    note = forms.CharField(
        label=_("Note for customer service"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. a delivery time that suits you. Customer service reads every note."),
    )

    def __init__(
        self, *args, guest: bool, addresses, shipping_choices, red_packet_choices, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.guest = guest
        self.fields["address"].choices = [(str(a.pk), str(a)) for a in addresses] + [
            (NEW_ADDRESS, _("A new address"))
        ]
        self.fields["shipping_method"].choices = shipping_choices
        # Providers switched on by settings: cash on delivery and bank transfer always, Alipay with
        # its keys.
        self.fields["payment_method"].choices = [(p.code, p.label) for p in available_providers()]
        self.fields["red_packet"].choices = [("", _("No red packet"))] + red_packet_choices
        if guest:
            self.fields["email"].required = True
            del self.fields["red_packet"]

    def clean_address(self):
        return self.cleaned_data.get("address") or NEW_ADDRESS
