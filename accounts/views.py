"""Storefront views under /account/: signing in, up and out, password reset,
profile, the address book and the "My account" hub.

Views are thin: a form validates, accounts.users / accounts.addresses change
things, the view redirects. Every ``next`` address goes through
``core.redirects.safe_next_path`` so sign-in cannot bounce a shopper to another
site, nor fail on a ``next`` that is not a path.
"""

from axes.helpers import get_cool_off, get_failure_limit
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.timesince import timeuntil
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from core.redirects import safe_next_path

from . import addresses
from .errors import AccountTaken
from .forms import AddressForm, LoginForm, ProfileForm, ShopPasswordResetForm, SignupForm
from .users import profile_update, user_sign_up

BACKEND = "accounts.backends.EmailOrMobileBackend"


def safe_next(request) -> str:
    """The ``next`` the request carries, or "" when it is missing, not a path of this site
    (a bare word would be reversed as a URL name) or points off this site."""
    return safe_next_path(request, request.POST.get("next") or request.GET.get("next") or "")


def account_page(view):
    """Private pages: sign-in required (with a way back) and never stored by caches."""
    return login_required(never_cache(view))


# --- signing in, up and out ---------------------------------------------------------------


class LoginView(auth_views.LoginView):
    """Sign in by e-mail, mobile number or username; an unsafe ``next`` lands on "My account"."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    next_page = "account_home"


class LogoutView(auth_views.LogoutView):
    """Sign out (POST only, so a link on another site cannot sign a shopper out)."""

    next_page = "/"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You have signed out."))
        return response


def locked_out(request, original_response=None, credentials=None):
    """What django-axes shows after too many failures: an explanation and a way out (HTTP
    429). ``scope`` says whether this account or every sign-in from this connection is
    paused (accounts.throttling)."""
    cool_off, now = get_cool_off(request), timezone.now()
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "scope": getattr(request, "shop_lockout_scope", "account"),
        "wait": timeuntil(now + cool_off, now) if cool_off else "",
    }
    return render(request, "accounts/locked_out.html", context, status=429)


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
def signup(request):
    """Create an account, sign the shopper in and send them on to where they were going."""
    next_url = safe_next(request)
    destination = (
        next_url if next_url and next_url != request.path else resolve_url("account_home")
    )
    if request.user.is_authenticated:
        return redirect(destination)
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_sign_up(
                email=form.cleaned_data["email"],
                mobile=form.cleaned_data["mobile"],
                first_name=form.cleaned_data["first_name"],
                password=form.cleaned_data["password1"],
            )
        except AccountTaken as error:
            form.add_error(None, error.message)
        else:
            login(request, user, backend=BACKEND)
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect(destination)
    return render(request, "accounts/signup.html", {"form": form, "next": next_url})


# --- password reset and change --------------------------------------------------------------


class PasswordResetView(auth_views.PasswordResetView):
    """Ask for a reset link; the page says the same whether or not the address has an account."""

    template_name = "accounts/password_reset_form.html"
    form_class = ShopPasswordResetForm


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change the password while signed in (stays signed in afterwards)."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("profile")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password has been changed."))
        return response


# --- my account ---------------------------------------------------------------------------------


@account_page
def account_home(request):
    """The "My account" hub: who you are, your default address and links to everything else."""
    default_address = request.user.addresses.filter(is_default=True).first()
    return render(request, "accounts/account_home.html", {"default_address": default_address})


@account_page
def profile(request):
    """Name, e-mail address and mobile number."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            profile_update(user=request.user, **form.cleaned_data)
        except AccountTaken as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your details have been saved."))
            return redirect("profile")
    return render(request, "accounts/profile.html", {"form": form})


# --- address book -----------------------------------------------------------------------------


@account_page
def address_list(request):
    """Every address of the shopper, the default first."""
    return render(
        request, "accounts/address_list.html", {"addresses": list(request.user.addresses.all())}
    )


@account_page
def address_add(request):
    """A new address; ``next`` lets checkout send the shopper here and get them back."""
    user = request.user
    form = AddressForm(
        request.POST or None, initial={"recipient": user.get_full_name(), "mobile": user.mobile}
    )
    if request.method == "POST" and form.is_valid():
        addresses.address_create(
            user=user, make_default=form.cleaned_data["make_default"], **form.address_fields()
        )
        messages.success(request, _("The address has been added."))
        return redirect(safe_next(request) or "address_list")
    return render(
        request, "accounts/address_form.html", {"form": form, "next": safe_next(request)}
    )


@account_page
def address_edit(request, pk):
    """Change one of the shopper's own addresses (anyone else's is a 404)."""
    address = get_object_or_404(request.user.addresses, pk=pk)
    form = AddressForm(request.POST or None, instance=address)
    if request.method == "POST" and form.is_valid():
        addresses.address_update(
            address=address,
            make_default=form.cleaned_data.get("make_default", False),
            **form.address_fields(),
        )
        messages.success(request, _("The address has been saved."))
        return redirect(safe_next(request) or "address_list")
    return render(
        request,
        "accounts/address_form.html",
        {"form": form, "address": address, "next": safe_next(request)},
    )


@account_page
@require_http_methods(["GET", "POST"])
def address_delete(request, pk):
    """Ask, then delete; the page works without JavaScript."""
    address = get_object_or_404(request.user.addresses, pk=pk)
    if request.method == "POST":
        address_delete_and_report(request, address)
        return redirect("address_list")
    return render(request, "accounts/address_confirm_delete.html", {"address": address})


def address_delete_and_report(request, address) -> None:
    """Delete and say where the default went, if it moved."""
    successor = addresses.address_delete(address=address)
    messages.success(request, _("The address has been deleted."))
    if successor is not None:
        messages.info(
            request,
            _("Your default address is now: %(address)s") % {"address": successor.one_line()},
        )


@account_page
@require_POST
def address_make_default(request, pk):
    """Make one of the shopper's addresses the default."""
    address = get_object_or_404(request.user.addresses, pk=pk)
    addresses.address_set_default(address=address)
    messages.success(request, _("Your default address has been changed."))
    return redirect(safe_next(request) or "address_list")
