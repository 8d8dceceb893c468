"""A page without a hero image shows the first image of its body on its card,
as its share image and in feeds; the hero area itself stays empty."""

import json
from pathlib import Path

from django.test import Client

import pytest

from tests.factories import ImageFactory, NewsArticlePageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


def body_with(*images) -> str:
    blocks = [{"type": "paragraph", "value": "<p>Inledning.</p>"}]
    blocks += [
        {"type": "image", "value": {"image": image.pk, "alt_text": "Bild", "caption": ""}}
        for image in images
    ]
    return json.dumps(blocks)


def stem(image) -> str:
    """What every rendition of `image` is named after: its stored name's
    random token (core.models.SiteImage.get_upload_to)."""
    return Path(image.file.name).name[:16]


def og_image(html: str) -> str:
    start = html.index('<meta property="og:image" content="') + 35
    return html[start : html.index('"', start)]


def test_the_first_body_image_stands_in_for_a_missing_hero(site_tree):
    first = ImageFactory(title="Första", file__filename="forsta.png")
    second = ImageFactory(title="Andra", file__filename="andra.png")
    article = NewsArticlePageFactory(
        parent=site_tree.news, title="Utan toppbild", body=body_with(first, second)
    )
    assert article.first_body_image_id == first.pk
    visitor = Client()

    page = visitor.get(article.url).content.decode()
    assert stem(first) in og_image(page) and "share-default" not in og_image(page)
    assert 'class="article__hero"' not in page

    listing = visitor.get(site_tree.news.url).content.decode()
    card = listing[listing.index("Utan toppbild") - 1500 : listing.index("Utan toppbild")]
    assert "<picture" in card and stem(first) in card

    feed = visitor.get("/feeds/nyheter/json/").json()
    assert stem(first) in feed["items"][0]["image"]


def test_the_hero_wins_and_no_image_means_the_default(site_tree):
    hero = ImageFactory(file__filename="toppbild.png")
    with_hero = NewsArticlePageFactory(
        parent=site_tree.news, hero_image=hero, body=body_with(ImageFactory())
    )
    bare = NewsArticlePageFactory(parent=site_tree.news, body=body_with())
    visitor = Client()
    assert stem(hero) in og_image(visitor.get(with_hero.url).content.decode())
    assert "share-default" in og_image(visitor.get(bare.url).content.decode())
    assert bare.first_body_image_id is None


def test_the_body_image_follows_the_published_body(site_tree):
    paper = WhitePaperPageFactory(parent=site_tree.papers, body=body_with(ImageFactory()))
    assert paper.first_body_image_id is not None
    paper.body = body_with()
    paper.save_revision().publish()
    paper.refresh_from_db()
    assert paper.first_body_image_id is None
