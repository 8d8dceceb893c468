"""Two-factor authentication (TOTP) for the Wagtail admin, on django-otp.

- Users with a confirmed device type a code from their authenticator app (or
  a one-time recovery code) after the password, before any other admin page.
- Members of Ansvarig utgivare and superusers without a device are sent to
  enrol one before anything else in the admin; for a Redaktör it is optional
  (Konto → Tvåfaktorsautentisering).
- Enrolment shows the QR code as inline SVG and the secret as text, asks for a
  code to confirm, then shows ten recovery codes once (django-otp's static
  device: each works once).

LSV_REQUIRE_2FA switches all of it off (development settings only; see the
README). Why not wagtail-2fa: docs/decisions.md.
"""

import base64

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import segno
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.roles import PUBLISHER_GROUP

RECOVERY_CODES = 10
# Admin views an unverified user may still reach.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "lsv_2fa_verify",
}


def requires_two_factor(user) -> bool:
    return user.is_superuser or user.groups.filter(name=PUBLISHER_GROUP).exists()


def has_totp_device(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def session_cleared(user) -> bool:
    """Whether this (authenticated) user's session has passed two-factor
    authentication, as far as their role and devices ask for it."""
    if not settings.LSV_REQUIRE_2FA:
        return True
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return True
    return not user_has_device(user, confirmed=True) and not requires_two_factor(user)


class AdminTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: holds admin requests until the
    session is verified, or the device enrolled where one is required."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.hold(request) if settings.LSV_REQUIRE_2FA else None
        return response or self.get_response(request)

    def hold(self, request):
        if not request.path_info.startswith("/" + settings.LSV_ADMIN_PATH):
            return None
        user = request.user
        if not user.is_authenticated or session_cleared(user):
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            return None
        try:
            name = resolve(request.path_info).url_name
        except Resolver404:
            return None
        if name in OPEN_VIEWS:
            return None
        next_query = "?" + urlencode({"next": request.get_full_path()})
        if user_has_device(user, confirmed=True):
            return redirect(reverse("lsv_2fa_verify") + next_query)
        if requires_two_factor(user) and name != "lsv_2fa_enrol":
            return redirect(reverse("lsv_2fa_enrol"))
        return None


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split()).lower()


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """The step after the password: a code from the app or a recovery code."""
    if request.user.is_verified() or not user_has_device(request.user, confirmed=True):
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You logged in with a recovery code. Recovery codes left: %(left)d.")
                    % {"left": left},
                )
            return redirect(_next_url(request))
        form.add_error("token", _("The code is wrong or has already been used. Try again."))
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "two_factor/verify.html",
        {"form": form, "next": _next_url(request)},
        status=status,
    )


def secret_text(device) -> str:
    """The key as authenticator apps take it when typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("token")
def enrol(request):
    """Set up an authenticator app; the recovery codes are shown once, here."""
    user = request.user
    if has_totp_device(user):
        messages.info(request, _("Two-factor authentication is already set up for you."))
        return redirect(reverse("wagtailadmin_home"))
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Autentiseringsapp", confirmed=False)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save()
            StaticDevice.objects.filter(user=user).delete()
            recovery = StaticDevice.objects.create(user=user, name="Reservkoder")
            codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
            StaticToken.objects.bulk_create(
                StaticToken(device=recovery, token=code) for code in codes
            )
            otp_login(request, device)
            return TemplateResponse(request, "two_factor/recovery_codes.html", {"codes": codes})
        form.add_error(
            "token", _("The code is wrong. Check the clock on your phone and try again.")
        )
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_svg": qr.svg_inline(scale=5, title=str(_("QR code for your authenticator app"))),
        "secret": secret_text(device),
        "required": requires_two_factor(user),
    }
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "two_factor/enrol.html", context, status=status)
