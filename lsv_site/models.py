"""Site-wide page behaviour: the base pages every app builds on, topics,
"Läs mer" links and the home page."""

import base64
import os
import secrets

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument, Document
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from lsv_site import fragments
from lsv_site.admin_permissions import LeafPermissionsMixin
from lsv_site.blocks import FigureBlock, first_image_id
from lsv_site.cards import CardList, latest_ids, prepare_cards
from lsv_site.compiled import CompiledQuery
from lsv_site.context_processors import top_pages
from lsv_site.image_alt import AltTextPageForm, alt_text
from lsv_site.pagination import paginate
from lsv_site.queries import (
    is_visible,
    news_index_url,
    view_restrictions_may_apply,
    visible_pages,
)
from lsv_site.read_more_panel import ReadMorePreviewPanel
from lsv_site.structured_data import breadcrumbs, iso, modified, published

# The page types that "Läs mer" and the home page may link to.
CARD_PAGE_TYPES = ["news.NewsArticlePage", "whitepapers.WhitePaperPage", "people.PersonPage"]


class PageTopic(TaggedItemBase):
    """Topics are taggit tags shared by news and white papers, so one topic
    gathers both kinds."""

    content_object = ParentalKey(
        "wagtailcore.Page", related_name="topic_items", on_delete=models.CASCADE
    )

    # Seen by visitors only through a live page (pagecache.signals).
    shown_with_page = "content_object"


class ReadMoreLink(Orderable):
    """One editor-picked "Läs mer" card, on any of the three detail page kinds."""

    page = ParentalKey("wagtailcore.Page", related_name="read_more_links", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Page"),
    )

    # Seen by visitors only through a live page (pagecache.signals).
    shown_with_page = "page"

    panels = [PageChooserPanel("target", CARD_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("Read more link")
        verbose_name_plural = _("Read more links")


# What every article and white paper view asks (lsv_site.compiled).
AUTHOR_IDS = CompiledQuery(
    lambda pk: (
        apps.get_model("people", "Authorship")
        .objects.filter(page_id=pk)
        .order_by("sort_order", "id")
        .values_list("person_id")
    )
)
# As `page.topics.all()` asks it.
TOPICS = CompiledQuery(
    lambda pk: PageTopic.tag.field.related_model.objects.filter(
        lsv_site_pagetopic_items__content_object_id=pk
    ).order_by("lsv_site_pagetopic_items__id")
)


class FastRestrictionsMixin:
    """Answers Wagtail's per-request view-restriction check without queries
    when no restriction can apply to this page (the usual case)."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not view_restrictions_may_apply(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class BasePage(LeafPermissionsMixin, FastRestrictionsMixin, Page):
    """What every detail page shares: a kind label and image for cards, and
    the "Läs mer" strip at its end."""

    # Shown on cards, e.g. "Nyhet". Subclasses set it.
    kind_label = ""
    # The name of the image field used on cards and for sharing.
    card_image_field = ""
    # Image fields mapped to the page's "decorative" checkbox for each: an image
    # without a description (alt text) may be used only when ticked decorative.
    image_alt_fields: dict[str, str] = {}
    base_form_class = AltTextPageForm

    read_more_panels = [
        InlinePanel(
            "read_more_links",
            label=_("Read more"),
            max_num=6,
            help_text=_(
                "Up to six pages shown at the end of the page. With fewer than three, "
                "related pages are added automatically."
            ),
        ),
        ReadMorePreviewPanel(),
    ]

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        """Whether an anonymous visitor may open this page: links to it (a
        byline, a feed's author) are made only then, so a private person is
        named at most, never linked."""
        return is_visible(self)

    @property
    def kind(self) -> str:
        """A CSS-friendly name of the page type, e.g. "newsarticlepage"."""
        return self._meta.model_name

    # Where the card and the share image come from when `card_image_field` is
    # empty (e.g. the first image of the body); never shown as the page's hero.
    card_image_fallback_field = ""

    @property
    def card_image_source(self) -> str:
        """The name of the field the card image comes from ("" for none)."""
        for name in (self.card_image_field, self.card_image_fallback_field):
            if name and getattr(self, f"{name}_id", None) is not None:
                return name
        return ""

    @property
    def card_image(self):
        source = self.card_image_source
        return getattr(self, source, None) if source else None

    @property
    def hero_image_shown(self):
        """The image the page shows at its top: its own field only."""
        return getattr(self, self.card_image_field, None) if self.card_image_field else None

    # The picture (lsv_site.renditions.PICTURES) cards show the card image as.
    card_picture = "card"

    @property
    def card_title(self) -> str:
        return self.title

    @property
    def card_summary(self) -> str:
        return self.search_description

    @property
    def card_date(self):
        return None

    def image_alt(self, image_field: str) -> str:
        return alt_text(self, image_field)

    def meta_description(self) -> str:
        return self.card_summary

    def structured_data(self, meta) -> list[dict]:
        """JSON-LD for the page (lsv_site.page_meta); subclasses add their own."""
        return [breadcrumbs(self, meta)]

    def get_read_more(self, request=None) -> CardList:
        from lsv_site.read_more import read_more_cards

        return read_more_cards(self, request)

    # The picture (lsv_site.renditions.PICTURES) the page shows its card image as.
    hero_picture = ""

    def pictures(self, context) -> list[tuple]:
        """(image, picture name) for each picture the template renders itself
        (cards bring their own), so their renditions come in one query with
        the cards'."""
        hero = self.hero_image_shown
        own = [(hero, self.hero_picture)] if self.hero_picture and hero is not None else []
        return [*own, (self.card_image, "share")]

    def get_section(self) -> Page | None:
        """The listing this page belongs to, for the "Se alla" link."""
        if not hasattr(self, "_section"):
            self._section = self.get_parent()
        return self._section

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["read_more"] = self.get_read_more(request)
        context["section"] = self.get_section()
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Subclasses add cards in get_context; the context is complete only here.
        context = getattr(response, "context_data", None)
        if context is not None:
            card_lists = [value for value in context.values() if isinstance(value, CardList)]
            prepare_cards(request, card_lists, self.pictures(context))
        return response


class ContentPage(BasePage):
    """News articles and white papers: dated, authored, tagged with topics."""

    publication_date = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Leave empty to use the date the page is first published."),
    )
    topics = ClusterTaggableManager(
        through=PageTopic, blank=True, verbose_name=_("topics"), help_text=None
    )
    # Kept from the body on every save, so cards and sharing can show an image
    # for a page without a hero without loading bodies.
    first_body_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("first image in the body"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    card_image_fallback_field = "first_body_image"

    search_fields = Page.search_fields + [index.FilterField("publication_date")]

    og_type = "article"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Defaults to the first publication; stays stable across later revisions
        # because first_published_at never changes once set.
        if self.publication_date is None and self.first_published_at is not None:
            self.publication_date = self.first_published_at.date()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.first_body_image_id = first_image_id(getattr(self, "body", None))
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "first_body_image"}
        return super().save(*args, **kwargs)

    @property
    def card_date(self):
        return self.publication_date or (
            self.first_published_at.date() if self.first_published_at else None
        )

    def get_authors(self, request=None) -> list[Page]:
        """Authors in the editor's order, as PersonPage objects (live ones only),
        fetched once however many parts of the page show them."""
        if not hasattr(self, "_authors"):
            if fragments.stored(self):
                ids = [row[0] for row in AUTHOR_IDS.rows(self.pk)]
                person_model = self.authorships.model.person.field.related_model
                people = fragments.shared_objects(
                    request,
                    "author",
                    ids,
                    lambda missing: person_model.objects.filter(id__in=missing),
                )
            else:
                # A preview or revision: the authorships are in memory.
                authorships = self.authorships.all().select_related("person")
                people = [a.person for a in authorships]
            self._authors = [p for p in people if p is not None and p.live]
        return self._authors

    def open_graph_extra(self, meta) -> list[tuple[str, str]]:
        """Open Graph's article:* properties."""
        extra = [
            ("article:published_time", iso(published(self))),
            ("article:modified_time", iso(modified(self))),
            ("article:section", str(self.kind_label)),
        ]
        extra += [
            ("article:author", meta.absolute(p.url or ""))
            for p in self.get_authors()
            if p.is_public
        ]
        extra += [("article:tag", topic.name) for topic in self.topic_list]
        return [(name, value) for name, value in extra if value]

    @cached_property
    def topic_list(self) -> list:
        """The page's topics, fetched once per request however often they are used."""
        if fragments.stored(self):
            return TOPICS.objects(self.pk)
        return list(self.topics.all())  # a preview or revision: in memory

    def get_topics(self) -> list[dict]:
        """Topics with the URL of their news listing."""
        from news.models import NewsIndexPage

        topics = self.topic_list
        if not topics:
            return []
        section = self.get_section()
        if section is not None and section.specific_class is NewsIndexPage:
            base = section.url
        else:
            base = news_index_url()
        return [
            {"name": t.name, "slug": t.slug, "url": f"{base}amne/{t.slug}/" if base else None}
            for t in topics
        ]

    def body_images(self) -> list:
        """Images of the body's figure blocks (loading the body's blocks in
        one query per block type)."""
        body = getattr(self, "body", None)
        if not body:
            return []
        return [
            block.value.get("image")
            for block in body
            if isinstance(block.block, FigureBlock) and block.value.get("image") is not None
        ]

    def pictures(self, context) -> list[tuple]:
        return [*super().pictures(context), *((image, "figure") for image in self.body_images())]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = self.get_authors(request)
        context["topics"] = self.get_topics()
        return context


class IndexPage(FastRestrictionsMixin, Page):
    """A section listing (news, white papers, people)."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        abstract = True

    def get_listing(self, **filters):
        raise NotImplementedError

    def meta_description(self) -> str:
        return self.intro

    def structured_data(self, meta) -> list[dict]:
        return [breadcrumbs(self, meta)]

    def paginate(self, request, queryset):
        """The page `?page=` asks for (lsv_site.pagination.paginate)."""
        # The listing is this page's at this path (a sub-route such as a topic
        # is part of it); other query parameters might filter it: no memo then.
        only_page = all(name == "page" for name in request.GET)
        return paginate(request, queryset, key=(self.pk, request.path) if only_page else None)

    def get_context(self, request, *args, **filters):
        # Filters (such as a topic) come from sub-routes as keyword arguments.
        context = super().get_context(request, *args)
        listing = self.get_listing(**filters)
        # Only the ids: cards come from the fragment memo or one query for the rest.
        items = self.paginate(request, listing.values_list("id", flat=True))
        # One kind of page: the cards need not say which.
        items.object_list = CardList(items.object_list, heading_level=2, show_kind=False)
        prepare_cards(request, [items.object_list])
        context.update(items=items, **filters)
        return context


class HomePagePick(Orderable):
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Page")
    )

    # Seen by visitors only through a live page (pagecache.signals).
    shown_with_page = "page"

    class Meta(Orderable.Meta):
        abstract = True


class HomeNewsPick(HomePagePick):
    page = ParentalKey("lsv_site.HomePage", related_name="news_picks", on_delete=models.CASCADE)
    panels = [PageChooserPanel("target", "news.NewsArticlePage")]


class HomeWhitePaperPick(HomePagePick):
    page = ParentalKey(
        "lsv_site.HomePage", related_name="whitepaper_picks", on_delete=models.CASCADE
    )
    panels = [PageChooserPanel("target", "whitepapers.WhitePaperPage")]


class HomePersonPick(HomePagePick):
    page = ParentalKey("lsv_site.HomePage", related_name="person_picks", on_delete=models.CASCADE)
    panels = [PageChooserPanel("target", "people.PersonPage")]


LEAD_STORY = "lsv_site/includes/lead_story.html"


class HomePage(FastRestrictionsMixin, Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [InlinePanel("news_picks", label=_("News"), max_num=7)],
            heading=_("Featured news (the first is the lead story; empty: the latest seven)"),
        ),
        MultiFieldPanel(
            [InlinePanel("whitepaper_picks", label=_("White papers"), max_num=3)],
            heading=_("Featured white papers (empty: the latest three)"),
        ),
        MultiFieldPanel(
            [InlinePanel("person_picks", label=_("People"), max_num=4)],
            heading=_("Featured people (empty: four people)"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "news.NewsIndexPage",
        "whitepapers.WhitePaperIndexPage",
        "people.PeopleIndexPage",
        "lsv_site.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def meta_description(self) -> str:
        return strip_tags(self.intro)

    def structured_data(self, meta) -> list[dict]:
        from lsv_site.structured_data import website

        return [website(meta)]

    def _featured(self, request, picks, model, limit: int, order_by: tuple[str, ...]) -> CardList:
        def choose() -> list[int]:
            # The editor's picks in their order, those a visitor may see: a
            # draft, private or expired first pick must not leave the lead
            # story empty; no visible pick at all means the newest.
            picked = [p.target_id for p in picks.all()]
            if picked:
                visible = set(
                    visible_pages(Page.objects.filter(id__in=picked)).values_list("id", flat=True)
                )
                picked = [pk for pk in picked if pk in visible]
            return picked[:limit] or latest_ids(model, order_by, limit)

        if fragments.stored(self):
            # Remembered per content version, except in a preview (picks in memory).
            key = ("featured", self.pk, model._meta.label)
            return CardList(fragments.remember(request, key, choose, size=64))
        return CardList(choose())

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsArticlePage
        from people.models import PersonPage
        from whitepapers.models import WhitePaperPage

        context = super().get_context(request, *args, **kwargs)
        newest = ("-publication_date", "-first_published_at", "-id")
        # The lead story (the first pick, else the newest) and six more (or the other picks).
        news = self._featured(request, self.news_picks, NewsArticlePage, 7, newest)
        context["lead_story"] = CardList(news.ids[:1], heading_level=2, template=LEAD_STORY)
        context["latest_news"] = CardList(news.ids[1:])
        context["featured_whitepapers"] = self._featured(
            request, self.whitepaper_picks, WhitePaperPage, 3, newest
        )
        context["featured_people"] = self._featured(
            request, self.person_picks, PersonPage, 4, ("-first_published_at", "-id")
        )
        # Section listings keyed by model name, for the "Se alla" links.
        context["sections"] = {
            ContentType.objects.get_for_id(item["content_type_id"]).model: item
            for item in top_pages(request)
        }
        prepare_cards(
            request,
            [
                context["lead_story"],
                context["latest_news"],
                context["featured_whitepapers"],
                context["featured_people"],
            ],
        )
        return context


class StandardPage(Page):
    """A plain text page under the home page, such as the accessibility
    statement. Every live one is linked from the footer."""

    body = RichTextField(
        _("body"), features=["h2", "h3", "bold", "italic", "link", "document-link", "ol", "ul"]
    )

    content_panels = Page.content_panels + [FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["lsv_site.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def meta_description(self) -> str:
        return strip_tags(self.body)

    def structured_data(self, meta) -> list[dict]:
        return [breadcrumbs(self, meta)]


class SocialLinkBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("Service"), max_length=40, help_text=_("For example Mastodon or LinkedIn.")
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        label = _("Social link")
        icon = "link"


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """What the footer of every page says about LSV, edited under Inställningar."""

    # Shown on every public page: saving it makes every cached page stale (pagecache.signals).
    shown_on_every_page = True

    tagline = models.CharField(
        _("tagline"), max_length=120, blank=True, help_text=_("Beside the name in the footer.")
    )
    about_page = models.ForeignKey(
        "lsv_site.StandardPage",
        verbose_name=_("about page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page that tells who LSV is; linked first in the footer."),
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )
    show_news_feed = models.BooleanField(_("link to the news feed (RSS)"), default=True)

    panels = [
        FieldPanel("tagline"),
        FieldPanel("about_page"),
        MultiFieldPanel([FieldPanel("address"), FieldPanel("email")], heading=_("Contact")),
        FieldPanel("social_links"),
        FieldPanel("show_news_feed"),
    ]

    class Meta:
        verbose_name = _("footer")

    def as_footer(self, site) -> dict:
        """Plain values for the template, kept per content version by the context processor."""
        about = self.about_page
        if about is not None and not is_visible(about):
            about = None
        return {
            "tagline": self.tagline,
            "about": {"title": about.title, "url": about.get_url(current_site=site)}
            if about is not None
            else None,
            "about_id": getattr(about, "pk", None),
            "address": self.address.strip(),
            "email": self.email,
            "social": [
                {"name": link.value["name"], "url": link.value["url"]} for link in self.social_links
            ],
            "news_feed": self.show_news_feed,
        }


class SiteImage(AbstractImage):
    """The site's image model, so image fields can be added without swapping
    models later. Its `description` is the default alt text."""

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        # Without these the admin speaks of "site images" (from the class name).
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def get_upload_to(self, filename):
        """Wagtail's path with a random token in front of the uploaded name.

        Renditions are named after the first characters of the original's
        name (Image.generate_rendition_file keeps 59 characters, spec and
        extension included), with a hash that is the same for every image
        without a focal point: without the token, the renditions of an image
        used only on a private page could be guessed from its uploaded name.
        16 characters of base32 (80 random bits) fit in front of the longest
        spec the site uses, so every rendition name starts with them too.
        """
        folder, name = os.path.split(super().get_upload_to(filename))
        token = base64.b32encode(secrets.token_bytes(10)).decode().lower()
        # Wagtail keeps the path under 95 characters; so does this.
        stem, extension = os.path.splitext(name)
        stem = stem[: max(1, 94 - len(folder) - 1 - len(token) - 1 - len(extension))]
        return os.path.join(folder, f"{token}_{stem}{extension}")


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class SiteDocument(AbstractDocument):
    """The site's document model. `extracted_text` holds the text of a PDF, so
    that search can find what is only inside a white paper's file."""

    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text extraction"),
        max_length=20,
        blank=True,
        editable=False,
        help_text=_("Empty until extracted; 'ok', 'empty', 'encrypted' or 'broken'."),
    )

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
