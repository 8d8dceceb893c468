from django.core.management import call_command

from wagtail.models import Page

import pytest

from lsv_site.models import ReadMoreLink
from news.models import NewsArticlePage
from people.models import PersonPage
from whitepapers.models import WhitePaperPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo_content", "--no-admin", stdout=open("/dev/null", "w"))


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
    for url in ["/", "/nyheter/", "/white-papers/", "/personer/"]:
        assert client.get(url).status_code == 200
    for page in Page.objects.live().type(NewsArticlePage, WhitePaperPage, PersonPage):
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_demo_is_safe_to_run_twice(demo):
    pages = Page.objects.count()
    links = ReadMoreLink.objects.count()
    call_command("load_demo_content", "--no-admin", stdout=open("/dev/null", "w"))
    assert Page.objects.count() == pages
    assert ReadMoreLink.objects.count() == links
