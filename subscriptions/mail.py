"""The e-mails: HTML with the stylesheet inlined, a plain-text part, absolute
URLs, no tracking (no pixels, links go straight to the site)."""

from email.utils import make_msgid

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.models import Site

import css_inline

from subscriptions import consent
from subscriptions.models import Subscriber

CONFIRM_SALT = "subscriptions.confirm"
_inliner = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


def site_root() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/")


def absolute(url: str, root: str | None = None) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return (root or site_root()) + url


def confirm_token(subscriber: Subscriber, lists: dict) -> str:
    return signing.dumps({"k": subscriber.key, "l": lists}, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> dict:
    """The signed request, or signing.BadSignature (also when expired)."""
    return signing.loads(token, salt=CONFIRM_SALT, max_age=settings.LSV_CONFIRM_MAX_AGE)


def links(subscriber: Subscriber, root: str) -> dict:
    return {
        "preferences_url": absolute(
            reverse("subscriptions:preferences", args=[subscriber.key]), root
        ),
        "unsubscribe_url": absolute(
            reverse("subscriptions:unsubscribe", args=[subscriber.key]), root
        ),
        "site_url": root + "/",
    }


def card(page, root: str) -> dict:
    """A page as the e-mails show it: the site card's title, date, summary and
    picture, with absolute URLs and the image's width, height and alt text."""
    image = page.card_image
    picture = None
    if image is not None:
        rendition = image.get_rendition("fill-1120x630|format-jpeg")
        picture = {
            "url": absolute(rendition.url, root),
            "width": 560,
            "height": 315,
            "alt": page.image_alt(page.card_image_source),
        }
    return {
        "title": page.title,
        "kind": getattr(page, "kind_label", ""),
        "date": page.card_date,
        "summary": page.card_summary,
        "url": absolute(page.get_url(), root),
        "picture": picture,
    }


def render(template: str, context: dict) -> tuple[str, str]:
    """(plain text, HTML) of templates/subscriptions/email/<template>.txt/.html."""
    text = render_to_string(f"subscriptions/email/{template}.txt", context)
    html = render_to_string(f"subscriptions/email/{template}.html", context)
    return text, _inliner.inline(html)


def message(
    to: str, subject: str, text: str, html: str, unsubscribe_url: str | None = None
) -> EmailMultiAlternatives:
    headers = {"Message-ID": make_msgid(domain=settings.LSV_MAIL_DOMAIN)}
    if unsubscribe_url:
        # RFC 8058: mail clients offer "unsubscribe" and POST to this URL.
        headers["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["List-Id"] = f"LSV <nyhetsbrev.{settings.LSV_MAIL_DOMAIN}>"
    mail = EmailMultiAlternatives(subject, text, to=[to], headers=headers)
    mail.attach_alternative(html, "text/html")
    # No open pixels and no rewritten links, whatever the provider's account
    # defaults (django-anymail reads these; the SMTP backend ignores them).
    mail.track_opens = False
    mail.track_clicks = False
    return mail


def confirmation(subscriber: Subscriber, lists: dict) -> EmailMultiAlternatives:
    root = site_root()
    url = absolute(reverse("subscriptions:confirm", args=[confirm_token(subscriber, lists)]), root)
    hours = int(settings.LSV_CONFIRM_MAX_AGE.total_seconds() // 3600)
    context = {
        "confirm_url": url,
        "hours": hours,
        "site_url": root + "/",
        "list_names": consent.describe(lists),
        "subject": _("Confirm your subscription to LSV"),
    }
    text, html = render("confirm", context)
    return message(subscriber.email, _("Confirm your subscription to LSV"), text, html)


def for_subscriber(subscriber: Subscriber, template: str, subject: str, context: dict, root: str):
    context = {**context, **links(subscriber, root), "subject": subject}
    text, html = render(template, context)
    return message(subscriber.email, subject, text, html, context["unsubscribe_url"])
