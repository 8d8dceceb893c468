import re

from django.core.management import call_command
from django.test import Client

from wagtail.models import Page

import pytest

from core.models import ReadMoreLink
from news.models import NewsArticlePage
from people.models import PersonPage
from seo.feeds.formats import FORMATS
from tests.conftest import shared_data
from tests.home.test_footer_settings import footer_of
from whitepapers.models import WhitePaperPage

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo_content", "--no-admin", stdout=open("/dev/null", "w"))


def public_urls() -> list[str]:
    """The home page, the sitemap, every feed and every live public page."""
    urls = ["/", "/sitemap.xml"]
    urls += [
        f"/feeds/{section}{fmt}/"
        for section in ("", "nyheter/", "white-papers/")
        for fmt in FORMATS
    ]
    return urls + [page.url for page in Page.objects.live().public().specific() if page.url]


def load_and_render_demo():
    """The demo, with every page rendered once: the renditions it makes are
    part of the shared data, so no test of the module pays for them again."""
    load_demo()
    client = Client()
    for url in public_urls():
        client.get(url)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo site, built once for this module's tests."""
    yield from shared_data(django_db_blocker, load_and_render_demo)


def test_no_demo_page_feed_or_structured_data_links_to_an_original(client, demo):
    """Uploaded originals are never public (tests/security/test_media_privacy.py):
    nothing the demo site serves links to one, only to renditions."""
    urls = public_urls()
    assert len(urls) > 20
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"original_images" not in response.content, url


def test_demo_builds_the_whole_site(client, demo):
    assert NewsArticlePage.objects.live().count() >= 12
    assert PersonPage.objects.live().count() == 6
    papers = WhitePaperPage.objects.live()
    assert papers.count() == 3
    for paper in papers:
        assert paper.pdf is not None
        assert paper.pdf.file.read(5) == b"%PDF-"
        assert paper.pdf.file_size > 1000
        assert paper.cover_image is not None
    assert ReadMoreLink.objects.exists()
    # Every page renders: test_no_demo_page_feed_or_structured_data_links_to_an_original.
    for url in ["/nyheter/", "/white-papers/", "/personer/"]:
        assert url in public_urls()


def test_demo_fills_the_footer(client, demo):
    footer = footer_of(client.get("/").content.decode())
    assert re.search(r'<a href="/om-lsv/">Om LSV</a>', footer)
    assert "mailto:kontakt@example.org" in footer
    assert footer.count('rel="me"') >= 2


def test_demo_is_safe_to_run_twice(demo):
    pages = Page.objects.count()
    links = ReadMoreLink.objects.count()
    load_demo()
    assert Page.objects.count() == pages
    assert ReadMoreLink.objects.count() == links


def test_demo_has_person_stories_shown_in_read_more(client, demo):
    import lxml.html

    stories = PersonPage.objects.live().exclude(headline="")
    assert 2 <= stories.count() <= 3
    for person in stories:
        assert person.intro and person.headline != person.title
    # An article links to a story: its "Läs mer" shows the story's card.
    linked = ReadMoreLink.objects.filter(target__in=stories).select_related("page", "target")
    assert linked.exists()
    for link in linked:
        html = lxml.html.fromstring(client.get(link.page.url).content)
        titles = [t.text_content().strip() for t in html.xpath('//*[@class="card__title"]')]
        assert link.target.specific.headline in titles, link.page.url


def test_demo_portraits_are_head_and_shoulders_with_the_face_as_focal_point(demo):
    from PIL import Image

    from home.demo import artwork

    for person in PersonPage.objects.live().select_related("photo"):
        photo = person.photo
        # Taller than wide, so a square crop must choose where to cut.
        assert photo.height > photo.width
        focal = photo.get_focal_point()
        assert focal is not None
        # The face, in the upper half, as a head-and-shoulders photo has it.
        x, y, width, height = artwork.face_box((photo.width, photo.height))
        assert (focal.centroid.x, focal.centroid.y) == (x, y)
        assert (focal.width, focal.height) == (width, height)
        assert y < photo.height / 2
        # Skin colour fills the middle of the face in the file itself.
        with photo.open_file() as handle:
            picture = Image.open(handle).convert("RGB")
            ground = picture.getpixel((5, 5))
            assert picture.getpixel((x, y + height // 8)) != ground
