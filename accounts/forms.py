"""Forms of the accounts area: they validate and explain; accounts.users and
accounts.addresses make the changes."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordMixin
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .backends import normalise_identifier
from .emails import account_email_queue
from .models import Address, mobile_validator, postcode_validator
from .users import email_taken, mobile_taken


def mobile_field(*, required: bool) -> forms.CharField:
    """A mobile number input with room for "138 0013 8000" or "+86 …"; cleaned to 11 digits."""
    return forms.CharField(
        label=_("Mobile number"),
        required=required,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )


def clean_mobile_value(raw: str) -> str:
    """A mobile number as stored: digits only, spaces, dashes and a +86 prefix removed."""
    return normalise_identifier(raw) if raw else ""


class LoginForm(AuthenticationForm):
    """Django's sign-in form, with one field that takes an e-mail, mobile number or username."""

    username = forms.CharField(
        label=_("E-mail, mobile number or username"),
        max_length=254,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "username", "autocapitalize": "none"}
        ),
    )
    error_messages = {
        "invalid_login": _(
            "That sign-in name and password do not match an account. Check them and try again; "
            "passwords are case-sensitive."
        ),
        "inactive": _("This account has been closed."),
    }


class SignupForm(SetPasswordMixin, forms.Form):
    """A new shopper: e-mail required, mobile number optional, the password twice."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    mobile = mobile_field(required=False)
    mobile.help_text = _("You can then sign in with it too.")
    first_name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1, password2 = SetPasswordMixin.create_password_fields()

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email_taken(email):
            raise forms.ValidationError(
                _(
                    "An account with this e-mail address already exists. Sign in, or reset your "
                    "password."
                ),
                code="email_taken",
            )
        return email

    def clean_mobile(self):
        mobile = clean_mobile_value(self.cleaned_data["mobile"])
        if mobile:
            mobile_validator(mobile)
        if mobile_taken(mobile):
            raise forms.ValidationError(
                _("An account with this mobile number already exists."), code="mobile_taken"
            )
        return mobile

    def clean(self):
        self.validate_passwords()
        return super().clean()

    def _post_clean(self):
        super()._post_clean()
        # The password validators compare against the person's details (similar to e-mail etc.).
        user = get_user_model()(
            email=self.cleaned_data.get("email", ""),
            first_name=self.cleaned_data.get("first_name", ""),
        )
        self.validate_password_for_user(user)


class ProfileForm(forms.ModelForm):
    """Name and contact details; the e-mail address is required because receipts go there."""

    mobile = mobile_field(required=False)

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email", "mobile"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email_taken(email, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                _("Another account already uses this e-mail address."), code="email_taken"
            )
        return email

    def clean_mobile(self):
        mobile = clean_mobile_value(self.cleaned_data["mobile"])
        if mobile:
            mobile_validator(mobile)
        if mobile_taken(mobile, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                _("Another account already uses this mobile number."), code="mobile_taken"
            )
        return mobile

    def _post_clean(self):
        # Skip ModelForm's copying onto request.user: accounts.users.profile_update makes the
        # change,
        # and a rejected form must not leave the signed-in user half-edited for the rest of the
        # request.
        pass


class AddressForm(forms.ModelForm):
    """One address in the Chinese order; "make default" is offered unless it already is the
    default."""

    mobile = mobile_field(required=True)
    make_default = forms.BooleanField(label=_("Use as my default address"), required=False)

    class Meta:
        model = Address
        fields = ["recipient", "mobile", "province", "city", "district", "street", "postcode"]
        widgets = {
            "recipient": forms.TextInput(attrs={"autocomplete": "name"}),
            "street": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "postcode": forms.TextInput(
                attrs={"autocomplete": "postal-code", "inputmode": "numeric"}
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.is_default:
            del self.fields["make_default"]

    def clean_mobile(self):
        mobile = clean_mobile_value(self.cleaned_data["mobile"])
        mobile_validator(mobile)
        return mobile

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode:
            postcode_validator(postcode)
        return postcode

    def _post_clean(self):
        # No copying onto the instance: the address changes only in accounts.addresses, and every
        # model rule (choices, lengths, mobile, postcode) is already checked by the fields above.
        pass

    def address_fields(self) -> dict:
        """The cleaned values accounts.addresses takes as keyword arguments."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ShopPasswordResetForm(PasswordResetForm):
    """Django's reset form, sending through the shop's e-mail outbox instead of straight to SMTP
    (``accounts.emails``).

    The outbox row means a reset mail survives a mail-server outage; the dedupe key
    (one per user and token) stops a double-submitted form from sending twice.
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        path = reverse(
            "password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        user = context["user"]
        queued = account_email_queue(
            kind="password_reset",
            to=to_email,
            language=get_language(),
            context={
                "reset_url": f"{context['protocol']}://{context['domain']}{path}",
                "user": user,
                "name": user.get_full_name() or user.email,
                "site_name": context["site_name"],
                "domain": context["domain"],
            },
            dedupe_key=f"password_reset:{context['uid']}:{context['token']}",
        )
        if not queued:  # no outbox registered: Django's own mail, as the base form sends it
            super().send_mail(
                subject_template_name,
                email_template_name,
                context,
                from_email,
                to_email,
                html_email_template_name,
            )
