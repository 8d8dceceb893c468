"""Builds the demo site from `home.demo.data`. Safe to run repeatedly:
pages, images and documents that already exist (by slug or title) are kept."""

import datetime as dt
import io
import json
from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.rect import Rect
from wagtail.models import Page, Site

from core.models import ReadMoreLink
from home.demo import artwork, data
from home.models import FooterSettings, HomePage, StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from people.models import Authorship, PeopleIndexPage, PersonPage
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage


class DemoBuilder:
    def __init__(self, log: Callable[[str], None] = lambda message: None):
        self.log = log
        self.created: list[Page] = []
        self.pages_by_name: dict[str, Page] = {}

    # Media -----------------------------------------------------------------

    def image(
        self,
        title: str,
        make: Callable[[], bytes],
        description: str = "",
        focal_point: tuple[int, int, int, int] | None = None,
    ):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        image = Image(
            title=title,
            description=description[:255],
            file=ImageFile(io.BytesIO(make()), name=f"{slugify(title)[:60]}.jpg"),
        )
        image._set_image_file_metadata()
        if focal_point is not None:
            x, y, width, height = focal_point
            image.set_focal_point(Rect.from_point(x, y, width, height))
        image.save()
        return image

    def document(self, title: str, make: Callable[[], bytes]):
        Document = get_document_model()
        existing = Document.objects.filter(title=title).first()
        if existing:
            return existing
        document = Document(title=title)
        document.file.save(f"{slugify(title)[:60]}.pdf", ContentFile(make()), save=False)
        # As the admin's upload form does: size and hash, for the download link.
        document._set_document_file_metadata()
        document.save()
        return document

    # Pages -----------------------------------------------------------------

    def child(self, parent: Page, slug: str, make: Callable[[], Page]) -> Page:
        """The child with this slug, or a new published one built by `make`."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing:
            return existing.specific
        page = make()
        page.slug = slug
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(page)
        return page

    def backdate(self, page: Page, day: dt.date) -> None:
        """Make the demo look as if it had been published over the year."""
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))
        Page.objects.filter(pk=page.pk).update(first_published_at=moment, last_published_at=moment)

    def body(self, blocks: list[tuple], seed: str) -> str:
        stream = []
        for number, block in enumerate(blocks):
            kind, *values = block
            if kind == "heading":
                stream.append({"type": "heading", "value": {"text": values[0], "level": "h2"}})
            elif kind == "paragraph":
                stream.append({"type": "paragraph", "value": f"<p>{escape(values[0])}</p>"})
            elif kind == "quote":
                stream.append(
                    {"type": "quote", "value": {"text": values[0], "attribution": values[1]}}
                )
            elif kind == "image":
                caption, alt = values
                image = self.image(
                    f"Illustration: {seed} ({number})",
                    lambda n=number: artwork.illustration(f"{seed}-{n}", (1200, 800)),
                    alt,
                )
                stream.append(
                    {
                        "type": "image",
                        "value": {
                            "image": image.pk,
                            "alt_text": alt,
                            "decorative": False,
                            "caption": caption,
                        },
                    }
                )
        return json.dumps(stream)

    def set_authors(self, page: Page, names: list[str]) -> None:
        page.authorships = [
            Authorship(person=self.pages_by_name[name], sort_order=i)
            for i, name in enumerate(names)
        ]

    # The site --------------------------------------------------------------

    def home(self) -> HomePage:
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            root = Page.get_first_root_node()
            home = HomePage(title="LSV", slug="lsv")
            root.add_child(instance=home)
            site.root_page = home
            site.save()
        if not home.intro:
            home.intro = f"<p>{escape(data.HOME_INTRO)}</p>"
            home.save_revision().publish()
        return home

    def build(self) -> list[Page]:
        home = self.home()
        news = self.child(
            home,
            "nyheter",
            lambda: NewsIndexPage(
                title="Nyheter",
                show_in_menus=True,
                intro="Nyheter från LSV och vårt nätverk.",
            ),
        )
        papers = self.child(
            home,
            "white-papers",
            lambda: WhitePaperIndexPage(
                title="White papers",
                show_in_menus=True,
                intro="Fördjupande rapporter om social innovation, för dig som vill veta mer.",
            ),
        )
        people = self.child(
            home,
            "personer",
            lambda: PeopleIndexPage(
                title="Personer",
                show_in_menus=True,
                intro="Människorna i LSV och i vårt nätverk.",
            ),
        )
        for person in data.PEOPLE:
            page = self.child(people, slugify(person["name"]), lambda p=person: self.person(p))
            self.pages_by_name[person["name"]] = page
        for article in data.ARTICLES:
            page = self.child(news, slugify(article["title"]), lambda a=article: self.article(a))
            self.pages_by_name[article["title"]] = page
        for paper in data.WHITE_PAPERS:
            page = self.child(papers, slugify(paper["title"]), lambda p=paper: self.white_paper(p))
            self.pages_by_name[paper["title"]] = page
        for page in self.created:
            if isinstance(page, NewsArticlePage | WhitePaperPage):
                self.backdate(page, page.publication_date)
        self.link_read_more()
        about = self.standard_page(home, data.ABOUT_PAGE)
        self.accessibility_statement(home)
        self.footer(home, about)
        return self.created

    def person(self, person: dict) -> PersonPage:
        photo = self.image(
            f"Porträtt: {person['name']}",
            lambda: artwork.portrait(person["name"], person["color"]),
            f"Tecknat porträtt av {person['name']}",
            focal_point=artwork.face_box(),
        )
        return PersonPage(
            title=person["name"],
            role=person["role"],
            organisation=person["organisation"],
            headline=person.get("headline", ""),
            intro=person.get("intro", ""),
            quote=person["quote"],
            photo=photo,
            email=person["email"],
            website=person.get("website", ""),
            bio="".join(f"<p>{escape(p)}</p>" for p in person["bio"]),
        )

    def article(self, article: dict) -> NewsArticlePage:
        hero = self.image(
            f"Bild: {article['title']}", lambda: artwork.illustration(article["title"])
        )
        updated_date, update_note = article.get("updated") or (None, "")
        page = NewsArticlePage(
            title=article["title"],
            lead=article["lead"],
            publication_date=article["date"],
            updated_date=updated_date,
            update_note=update_note,
            hero_image=hero,
            # Generated abstract artwork: nothing a reader would miss.
            hero_image_decorative=True,
            hero_caption=article["hero_caption"],
            hero_credit=article["hero_credit"],
            body=self.body(article["body"], article["title"]),
        )
        self.set_authors(page, article["authors"])
        page.topics.add(*article["topics"])
        return page

    def white_paper(self, paper: dict) -> WhitePaperPage:
        cover = self.image(
            f"Omslag: {paper['title']}",
            lambda: artwork.illustration(paper["title"], (1200, 1697)),
        )
        pdf = self.document(
            paper["title"],
            lambda: artwork.report_pdf(
                paper["title"], paper["summary"], paper["authors"], paper["pdf_sections"]
            ),
        )
        page = WhitePaperPage(
            title=paper["title"],
            summary=paper["summary"],
            publication_date=paper["date"],
            cover_image=cover,
            cover_image_decorative=True,
            pdf=pdf,
            body=self.body(paper["body"], paper["title"]),
        )
        self.set_authors(page, paper["authors"])
        page.topics.add(*paper["topics"])
        return page

    def accessibility_statement(self, home: HomePage) -> StandardPage:
        return self.standard_page(home, data.ACCESSIBILITY_STATEMENT)

    def footer(self, home: HomePage, about: StandardPage) -> None:
        """Fill the footer's settings once: an editor's later changes are kept."""
        site = Site.objects.filter(root_page=home).first()
        if site is None or FooterSettings.objects.filter(site=site).exists():
            return
        FooterSettings.objects.create(
            site=site,
            tagline=data.FOOTER["tagline"],
            about_page=about,
            address=data.FOOTER["address"],
            email=data.FOOTER["email"],
            social_links=[
                ("link", {"name": name, "url": url}) for name, url in data.FOOTER["social"]
            ],
        )

    def standard_page(self, home: HomePage, statement: dict) -> StandardPage:
        return self.child(
            home,
            statement["slug"],
            lambda: StandardPage(
                title=statement["title"],
                search_description=statement["description"],
                body="".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in statement["body"]),
            ),
        )

    def link_read_more(self) -> None:
        """Cross-links need every page to exist, so they come last, and only
        on pages this run created (an editor's later changes are kept)."""
        wanted = {a["title"]: a.get("read_more", []) for a in data.ARTICLES}
        wanted.update({p["title"]: p.get("read_more", []) for p in data.WHITE_PAPERS})
        wanted.update(data.PERSON_READ_MORE)
        created = {page.pk for page in self.created}
        for name, targets in wanted.items():
            page = self.pages_by_name.get(name)
            if page is None or page.pk not in created or not targets:
                continue
            page = page.specific_class.objects.get(pk=page.pk)
            page.read_more_links = [
                ReadMoreLink(target=self.pages_by_name[t], sort_order=i)
                for i, t in enumerate(targets)
            ]
            first = page.first_published_at
            page.save_revision().publish()
            Page.objects.filter(pk=page.pk).update(first_published_at=first)
