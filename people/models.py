from django import forms
from django.conf import settings
from django.core.paginator import Page as DjangoPage
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.cards import CardList
from core.image_alt import DECORATIVE_HELP
from core.models import BasePage, IndexPage
from core.queries import visible_pages
from core.structured_data import breadcrumbs, profile_page
from fastpath.pagination import paginate


class Authorship(Orderable):
    """An author of an article or white paper, in the editor's order.

    Keyed to the base Page so that both kinds share one table, and a person
    page finds everything its person wrote in one query.
    """

    page = ParentalKey("wagtailcore.Page", related_name="authorships", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "people.PersonPage",
        on_delete=models.CASCADE,
        related_name="authored",
        verbose_name=_("person"),
    )

    panels = [PageChooserPanel("person", "people.PersonPage")]

    # Seen by visitors only through a live page (fastpath.invalidation).
    shown_with_page = "page"

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


class PersonPage(BasePage):
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_decorative = models.BooleanField(
        _("decorative image"), default=False, help_text=DECORATIVE_HELP
    )
    headline = models.CharField(
        _("headline"),
        max_length=120,
        blank=True,
        help_text=_(
            "The headline of a story about the person, shown on cards and as the page's "
            'heading, e.g. "Henrik explains the problem with Swedish welfare". The name '
            "is shown beside it. Leave empty to use the name."
        ),
    )
    intro = models.CharField(
        _("lead"),
        max_length=300,
        blank=True,
        help_text=_("A few sentences under the headline; also used when the page is shared."),
    )
    quote = models.CharField(
        _("quote"),
        max_length=300,
        blank=True,
        help_text=_("A short line in the person's own words."),
    )
    bio = RichTextField(_("biography"), blank=True, features=["bold", "italic", "link", "ul"])
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("headline"),
        FieldPanel("intro", widget=forms.Textarea(attrs={"rows": 3})),
        FieldPanel("photo", help_text=_("Set the image's focal point on the face.")),
        FieldPanel("photo_decorative"),
        FieldPanel("quote"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        *BasePage.read_more_panels,
    ]

    # The name is the title; a story's headline and introduction, the role
    # and organisation weigh like a lead.
    search_fields = Page.search_fields + [
        index.SearchField("headline", boost=2),
        index.SearchField("intro", boost=1.5),
        index.SearchField("role", boost=1.5),
        index.SearchField("organisation", boost=1.5),
        index.SearchField("quote"),
        index.SearchField("bio"),
    ]

    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types = []

    kind_label = _("Person")
    card_image_field = "photo"
    # The page's own picture of its card image (core.renditions).
    hero_picture = "person_photo"
    # Joined when the page is routed (fastpath.routing).
    serve_select_related = ("photo",)
    image_alt_fields = {"photo": "photo_decorative"}

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    @property
    def role_line(self) -> str:
        """The role and organisation, e.g. "Analytiker, LSV"."""
        return ", ".join(part for part in (self.role, self.organisation) if part)

    @property
    def card_title(self) -> str:
        """A story's headline, else the name."""
        return self.headline or self.title

    @property
    def card_summary(self) -> str:
        # Under a story's headline the card names the person.
        if self.headline:
            return " – ".join(part for part in (self.title, self.role_line) if part)
        return self.role_line

    @property
    def photo_alt(self) -> str:
        return self.image_alt("photo")

    og_type = "profile"
    # Person cards and the page show the photo square, cropped around the focal point.
    card_picture = "person_card"

    def meta_title(self) -> str:
        """What link previews call the page: a story's headline, else the name."""
        return self.card_title

    def meta_description(self) -> str:
        return self.intro or self.role_line

    def open_graph_extra(self, meta) -> list[tuple[str, str]]:
        first, _space, last = self.title.rpartition(" ")
        return [("profile:first_name", first), ("profile:last_name", last)] if first else []

    def structured_data(self, meta) -> list[dict]:
        return [profile_page(self, meta), breadcrumbs(self, meta)]

    def authored_pages(self):
        """The ids of what this person wrote, newest first (articles and white papers)."""
        from core.kinds import newest_first

        # A subquery rather than a join: a person listed twice on one page
        # must not make the page appear twice.
        written = Authorship.objects.filter(person=self).values("page_id")
        pages = visible_pages(Page.objects.filter(pk__in=written)).order_by(*newest_first())
        return pages.values_list("id", flat=True)

    def get_authored_pages(self, request) -> DjangoPage:
        """The page of what this person wrote that `?page=` asks for, as cards."""
        page = paginate(request, self.authored_pages(), key=("authored", self.pk))
        page.object_list = CardList(page.object_list)
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.pk:
            authored = self.get_authored_pages(request)
            context.update(authored=authored.object_list, authored_page=authored)
        else:
            context["authored"] = []
        return context


class PeopleIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.PersonPage"]
    max_count = 1

    class Meta:
        verbose_name = _("people index")

    def get_listing(self):
        return visible_pages(PersonPage.objects.child_of(self)).order_by("title")
