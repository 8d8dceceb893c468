"""The home page, which gathers every kind, the site's plain pages and the
footer settings. It sits above the kinds: they never import it."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.cards import CardList, latest_ids, prepare_cards
from core.models import FastRestrictionsMixin
from core.queries import is_visible, visible_pages
from core.site_tree import top_pages
from core.structured_data import breadcrumbs
from fastpath import fragments
from news.models import NewsArticlePage
from people.models import PersonPage
from whitepapers.models import WhitePaperPage


class HomePagePick(Orderable):
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("Page")
    )

    # Seen by visitors only through a live page (fastpath.invalidation).
    shown_with_page = "page"

    class Meta(Orderable.Meta):
        abstract = True


class HomeNewsPick(HomePagePick):
    page = ParentalKey("home.HomePage", related_name="news_picks", on_delete=models.CASCADE)
    panels = [PageChooserPanel("target", "news.NewsArticlePage")]


class HomeWhitePaperPick(HomePagePick):
    page = ParentalKey("home.HomePage", related_name="whitepaper_picks", on_delete=models.CASCADE)
    panels = [PageChooserPanel("target", "whitepapers.WhitePaperPage")]


class HomePersonPick(HomePagePick):
    page = ParentalKey("home.HomePage", related_name="person_picks", on_delete=models.CASCADE)
    panels = [PageChooserPanel("target", "people.PersonPage")]


LEAD_STORY = "home/includes/lead_story.html"


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
        "home.StandardPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def meta_description(self) -> str:
        return strip_tags(self.intro)

    def structured_data(self, meta) -> list[dict]:
        from core.structured_data import website

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

    parent_page_types = ["home.HomePage"]
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

    # Shown on every public page: saving it makes every cached page stale (fastpath.invalidation).
    shown_on_every_page = True

    tagline = models.CharField(
        _("tagline"), max_length=120, blank=True, help_text=_("Beside the name in the footer.")
    )
    about_page = models.ForeignKey(
        "home.StandardPage",
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
