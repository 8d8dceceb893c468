"""The site's pages the import writes: the only module that names the page
core's and the home page's models, so moving them is a change here alone.
The kinds are found through the app registry (`apps.get_model`)."""

from django.apps import apps
from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Page, Site

from core.models import ReadMoreLink
from home.models import HomePage, StandardPage

__all__ = ["HomePage", "ReadMoreLink", "StandardPage", "home_page", "index_page", "model"]

NEWS = "news.NewsArticlePage"
WHITE_PAPER = "whitepapers.WhitePaperPage"
PERSON = "people.PersonPage"
STANDARD = StandardPage._meta.label

# Category (slug or name, any case) → page kind; the rest are news articles.
DEFAULT_KINDS = {
    "nyheter": NEWS,
    "white paper": WHITE_PAPER,
    "white-paper": WHITE_PAPER,
    "personer": PERSON,
}
DEFAULT_KIND = NEWS

# Each kind's listing, created under the home page when the site has none yet.
INDEXES = {
    NEWS: ("news.NewsIndexPage", "Nyheter", "Nyheter från LSV och vårt nätverk."),
    WHITE_PAPER: ("whitepapers.WhitePaperIndexPage", "White papers", ""),
    PERSON: ("people.PeopleIndexPage", "Personer", "Människorna i LSV och i vårt nätverk."),
}


def kinds() -> dict[str, str]:
    """The mapping in use: `WORDPRESS_IMPORT_KINDS` in settings, else the defaults."""
    mapping = getattr(settings, "WORDPRESS_IMPORT_KINDS", None) or DEFAULT_KINDS
    return {key.strip().lower(): label for key, label in mapping.items()}


def default_kind() -> str:
    return getattr(settings, "WORDPRESS_IMPORT_DEFAULT_KIND", DEFAULT_KIND)


def model(label: str):
    return apps.get_model(label)


def home_page() -> Page:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or site.root_page.specific_class is not HomePage:
        raise LookupError("webbplatsen har ingen LSV-startsida: kör `manage.py migrate` först")
    return site.root_page


def index_page(kind: str, create: bool = True) -> Page | None:
    """The listing that pages of `kind` go under (created when missing)."""
    if kind == STANDARD:
        return home_page()
    label, title, intro = INDEXES[kind]
    index_model = model(label)
    home = home_page()
    existing = index_model.objects.descendant_of(home).first()
    if existing is not None or not create:
        return existing
    index = index_model(title=title, slug=slugify(title), show_in_menus=True, intro=intro)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index
