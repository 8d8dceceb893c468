"""The page core every kind builds on: base pages, topics, "Läs mer" links,
and the site's image and document models."""

import base64
import os
import secrets

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import kinds
from core.admin_permissions import LeafPermissionsMixin
from core.blocks import FigureBlock, first_image_id
from core.cards import CardList, prepare_cards
from core.image_alt import AltTextPageForm, alt_text
from core.queries import (
    is_visible,
    news_index_url,
    view_restrictions_may_apply,
)
from core.read_more_panel import ReadMorePreviewPanel
from core.structured_data import breadcrumbs, iso, modified, published
from core.topic_names import TopicsPageForm
from fastpath import fragments
from fastpath.compiled import CompiledQuery
from fastpath.pagination import paginate


class PageTopic(TaggedItemBase):
    """Topics are taggit tags shared by news and white papers, so one topic
    gathers both kinds."""

    content_object = ParentalKey(
        "wagtailcore.Page", related_name="topic_items", on_delete=models.CASCADE
    )

    # Seen by visitors only through a live page (fastpath.invalidation).
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

    # Seen by visitors only through a live page (fastpath.invalidation).
    shown_with_page = "page"

    panels = [PageChooserPanel("target", settings.LSV_CARD_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("Read more link")
        verbose_name_plural = _("Read more links")


# What every article and white paper view asks (fastpath.compiled), as
# `page.topics.all()` asks it.
TOPICS = CompiledQuery(
    lambda pk: PageTopic.tag.field.related_model.objects.filter(
        core_pagetopic_items__content_object_id=pk
    ).order_by("core_pagetopic_items__id")
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

    # The picture (core.renditions.PICTURES) cards show the card image as.
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
        """JSON-LD for the page (seo.page_meta); subclasses add their own."""
        return [breadcrumbs(self, meta)]

    def get_read_more(self, request=None) -> CardList:
        from core.read_more import read_more_cards

        return read_more_cards(self, request)

    # The picture (core.renditions.PICTURES) the page shows its card image as.
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
    base_form_class = TopicsPageForm

    search_fields = Page.search_fields + [index.FilterField("publication_date")]

    og_type = "article"

    class Meta:
        abstract = True

    @classmethod
    def feed_queryset(cls):
        """This kind's pages as the feeds load them (a kind adds its joins)."""
        return cls.objects.all()

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
                # The byline is kept whole per content version: one query
                # (people joined to their authorships) on the first view
                # after a change, none after it.
                people = fragments.remember(
                    request, ("authors", self.pk), lambda: self._load_authors(), size=500
                )
            else:
                # A preview or revision: the authorships are in memory.
                authorships = self.authorships.all().select_related("person")
                people = [a.person for a in authorships]
            self._authors = [p for p in people if p is not None and p.live]
        return self._authors

    def _load_authors(self) -> list:
        authorship = kinds.authorship_model()
        person_model = authorship.person.field.related_model
        relation = authorship.person.field.related_query_name()
        return list(
            person_model.objects.filter(**{f"{relation}__page_id": self.pk}).order_by(
                f"{relation}__sort_order", f"{relation}__id"
            )
        )

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
        topics = self.topic_list
        if not topics:
            return []
        section = self.get_section()
        if section is not None and section.specific_class is kinds.topic_listing_model():
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
        """The page `?page=` asks for (fastpath.pagination.paginate)."""
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
