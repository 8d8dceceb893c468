from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.image_alt import DECORATIVE_HELP
from core.models import ContentPage, IndexPage
from core.queries import visible_pages
from core.structured_data import breadcrumbs, report
from whitepapers.citation import Citation

# The reference formats offered for download: file extension and MIME type.
CITATION_FORMATS = {
    "bibtex": ("bib", "application/x-bibtex"),
    "ris": ("ris", "application/x-research-info-systems"),
}


class WhitePaperPage(RoutablePageMixin, ContentPage):
    summary = models.TextField(_("summary"))
    cover_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_image_decorative = models.BooleanField(
        _("decorative image"), default=False, help_text=DECORATIVE_HELP
    )
    pdf = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The full report for download."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("publication_date"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_image_decorative"), FieldPanel("pdf")],
            heading=_("Files"),
        ),
        FieldPanel("body"),
        InlinePanel("authorships", heading=_("Authors"), label=_("Author")),
        FieldPanel("topics"),
        *ContentPage.read_more_panels,
    ]

    # Titles (boost 2, from Page) weigh more than summaries, summaries more
    # than the body and the text of the PDF.
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("pdf_text"),
    ]

    parent_page_types = ["whitepapers.WhitePaperIndexPage"]
    subpage_types = []

    kind_label = _("White paper")
    card_image_field = "cover_image"
    # The page's own picture of its card image (core.renditions).
    hero_picture = "whitepaper_cover"
    # Joined when the page is routed (fastpath.routing).
    serve_select_related = ("cover_image", "pdf")
    image_alt_fields = {"cover_image": "cover_image_decorative"}

    class Meta:
        verbose_name = _("white paper")
        verbose_name_plural = _("white papers")

    @classmethod
    def feed_queryset(cls):
        return cls.objects.select_related("pdf")

    @property
    def card_summary(self) -> str:
        return self.summary

    @property
    def pdf_text(self) -> str:
        """The report's own text, so that search finds what is only in the PDF."""
        return self.pdf.extracted_text if self.pdf_id and self.pdf else ""

    @classmethod
    def get_indexed_objects(cls):
        # pdf_text reads the document: joined, rather than a query per paper
        # when the index is rebuilt.
        return super().get_indexed_objects().select_related("pdf")

    @property
    def cover_image_alt(self) -> str:
        return self.image_alt("cover_image")

    def citation(self, request) -> Citation:
        return Citation(
            title=self.title,
            authors=[person.title for person in self.get_authors()],
            published=self.card_date,
            publisher=settings.LSV_PUBLISHER,
            url=request.build_absolute_uri(self.get_url(request) or "/"),
            pdf_url=request.build_absolute_uri(self.pdf.url) if self.pdf_id and self.pdf else "",
            abstract=self.summary,
            slug=self.slug,
        )

    def citation_meta(self, meta) -> list[tuple[str, str]]:
        return self.citation(meta.request).meta_tags() if meta.request else []

    def structured_data(self, meta) -> list[dict]:
        return [report(self, meta, self.get_authors()), breadcrumbs(self, meta)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["citation"] = self.citation(request)
        context["citation_links"] = [
            (
                "RIS" if fmt == "ris" else "BibTeX",
                (self.get_url(request) or "") + self.reverse_subpage("cite", args=(fmt,)),
            )
            for fmt in CITATION_FORMATS
        ]
        return context

    @path("")
    def index(self, request):
        # The page itself, through BasePage.serve (which batches the renditions).
        return super().serve(request)

    @path("citera/<str:fmt>/", name="cite")
    def cite(self, request, fmt):
        """The reference as a file for a reference manager."""
        if fmt not in CITATION_FORMATS:
            raise Http404
        extension, mime_type = CITATION_FORMATS[fmt]
        citation = self.citation(request)
        body = citation.bibtex() if fmt == "bibtex" else citation.ris()
        response = HttpResponse(body, content_type=f"{mime_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response


class WhitePaperIndexPage(IndexPage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["whitepapers.WhitePaperPage"]
    max_count = 1

    class Meta:
        verbose_name = _("white paper index")

    def get_listing(self):
        return visible_pages(WhitePaperPage.objects.child_of(self)).order_by(
            "-publication_date", "-first_published_at", "-id"
        )
