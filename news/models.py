from django.conf import settings
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, route
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.image_alt import DECORATIVE_HELP
from core.models import ContentPage, IndexPage
from core.queries import visible_pages
from core.structured_data import breadcrumbs, news_article


class NewsArticlePage(ContentPage):
    lead = models.TextField(_("lead"), help_text=_("One or two sentences shown under the title."))
    updated_date = models.DateField(_("updated"), null=True, blank=True)
    update_note = models.CharField(
        _("update note"),
        max_length=255,
        blank=True,
        help_text=_("What changed, shown with the updated date."),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_decorative = models.BooleanField(
        _("decorative image"), default=False, help_text=DECORATIVE_HELP
    )
    hero_caption = models.CharField(_("hero caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=200, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("publication_date"), FieldPanel("updated_date"), FieldPanel("update_note")],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_image_decorative"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        InlinePanel("authorships", heading=_("Authors"), label=_("Author")),
        FieldPanel("topics"),
        *ContentPage.read_more_panels,
    ]

    # Titles (boost 2, from Page) weigh more than leads, leads more than bodies.
    search_fields = ContentPage.search_fields + [
        index.SearchField("lead", boost=1.5),
        index.SearchField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    kind_label = _("News")
    card_image_field = "hero_image"
    # The page's own picture of its card image (core.renditions).
    hero_picture = "article_hero"
    # Joined when the page is routed (fastpath.routing).
    serve_select_related = ("hero_image",)
    image_alt_fields = {"hero_image": "hero_image_decorative"}

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    @property
    def card_summary(self) -> str:
        return self.lead

    @property
    def hero_image_alt(self) -> str:
        return self.image_alt("hero_image")

    def structured_data(self, meta) -> list[dict]:
        return [news_article(self, meta, self.get_authors()), breadcrumbs(self, meta)]


class NewsIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("news index")

    def get_listing(self, topic: Tag | None = None):
        articles = visible_pages(NewsArticlePage.objects.child_of(self))
        if topic is not None:
            articles = articles.filter(topic_items__tag=topic)
        return articles.order_by("-publication_date", "-first_published_at", "-id")

    def get_sitemap_urls(self, request=None):
        """The listing, then one page per topic its visible articles carry,
        each changed when its newest article was."""
        from django.db.models import Max

        from core.models import PageTopic

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        articles = visible_pages(NewsArticlePage.objects.child_of(self))
        topics = (
            PageTopic.objects.filter(content_object__in=articles.values("pk"))
            .values("tag__slug")
            .annotate(changed=Max("content_object__last_published_at"))
            .order_by("tag__slug")
        )
        for topic in topics:
            url = base + self.reverse_subpage("topic", kwargs={"slug": topic["tag__slug"]})
            urls.append({"location": url, "lastmod": topic["changed"]})
        return urls

    @path("")
    def index(self, request):
        return self.render(request)

    @route(r"^amne/(?P<slug>[-\w]+)/$", name="topic")
    def topic(self, request, slug):
        return self.render(request, topic=get_object_or_404(Tag, slug=slug))
