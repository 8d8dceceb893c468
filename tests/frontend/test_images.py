"""Responsive images: AVIF and WebP with a JPEG fallback, sized, lazy below
the fold, and looked up in a fixed number of queries however many cards."""

import re

import pytest

from tests.factories import ImageFactory, NewsArticlePageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


def photo():
    return ImageFactory(file__width=1200, file__height=800)


def pictures(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html, flags=re.S)


def img_tag(picture: str) -> str:
    return re.search(r"<img [^>]*>", picture).group(0)


def size(img: str) -> tuple[int, int]:
    return tuple(int(re.search(rf'{name}="(\d+)"', img).group(1)) for name in ("width", "height"))


def test_article_hero_is_an_eager_avif_webp_jpeg_picture(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, hero_image=photo())
    (hero,) = pictures(client.get(article.url).content.decode())
    sources = re.findall(r'<source [^>]*type="([^"]+)"', hero)
    assert sources == ["image/avif", "image/webp"]
    img = img_tag(hero)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert re.search(r'width="\d+"', img) and re.search(r'height="\d+"', img)
    assert 'loading="lazy"' not in img
    assert 'fetchpriority="high"' in img


def test_cards_are_lazy_and_sized(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, hero_image=photo())
    (card,) = pictures(client.get(site_tree.news.url).content.decode())
    assert 'type="image/avif"' in card
    img = img_tag(card)
    assert 'loading="lazy"' in img
    assert 'width="400"' in img and 'height="225"' in img


def render_listing_counting_queries(client, django_assert_max_num_queries, url, limit):
    with django_assert_max_num_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_listing_image_queries_do_not_grow_with_cards(
    client, site_tree, django_assert_max_num_queries
):
    def add_papers(count):
        for _ in range(count):
            WhitePaperPageFactory(parent=site_tree.papers, cover_image=photo())

    add_papers(2)
    url = site_tree.papers.url
    client.get(url)  # renditions are created on the first view
    few = render_listing_counting_queries(client, django_assert_max_num_queries, url, 40)
    add_papers(10)
    client.get(url)
    many = render_listing_counting_queries(client, django_assert_max_num_queries, url, 40)
    assert many == few


def test_column_images_say_their_natural_size_and_the_column_width(client, site_tree):
    """The hero and body images fill their column up to the largest rendition:
    their width attribute is that rendition's, and `sizes` is the column's."""
    image = photo()
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        hero_image=photo(),
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Ett diagram"}}],
    )
    hero, figure = pictures(client.get(article.url).content.decode())
    assert size(img_tag(hero))[0] == 1200
    assert size(img_tag(figure)) == (1200, 800)
    for picture in (hero, figure):
        assert 'sizes="(min-width: 45rem) 43rem, calc(100vw - 2rem)"' in picture


def test_a_small_original_is_not_stretched(client, site_tree):
    small = ImageFactory(file__width=500, file__height=300)
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        body=[{"type": "image", "value": {"image": small.pk, "alt_text": "Liten bild"}}],
    )
    (figure,) = pictures(client.get(article.url).content.decode())
    assert size(img_tag(figure)) == (500, 300)
