import json

import pytest

from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

HOSTILE = "Fisk & chips <b>fet</b> \"citat\" 'enkelt' 😀 åäö ÅÄÖ ]]> slut"


def body_with_everything(linked_page, document, image) -> str:
    """A body with every block kind and a link of each rich-text link kind."""
    return json.dumps(
        [
            {"type": "heading", "value": {"text": "Rubrik & <mer>", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    f'<p>Se <a linktype="page" id="{linked_page.pk}">sidan</a>, '
                    f'<a linktype="document" id="{document.pk}">rapporten</a> och '
                    '<a href="https://example.org/">extern</a>.</p>'
                ),
            },
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "En bild",
                    "decorative": False,
                    "caption": "Bildtext",
                },
            },
            {"type": "quote", "value": {"text": "Ett citat", "attribution": "Någon"}},
            {"type": "embed", "value": "https://www.youtube.com/watch?v=abc"},
            {"type": "document", "value": {"document": document.pk, "title": ""}},
        ]
    )


@pytest.fixture
def make_article(site_tree):
    """Articles with authors, topics, a hero image and a body that uses every block."""
    document = DocumentFactory()
    target = PersonPageFactory(parent=site_tree.people)

    def make(n: int = 1, people=None, topics=("Integration", "Välfärd"), **kwargs):
        people = people if people is not None else [PersonPageFactory(parent=site_tree.people)]
        return [
            NewsArticlePageFactory(
                parent=site_tree.news,
                hero_image=ImageFactory(),
                body=body_with_everything(target, document, ImageFactory()),
                authors=people,
                topics=list(topics),
                **kwargs,
            )
            for _ in range(n)
        ]

    return make


@pytest.fixture
def make_paper(site_tree):
    def make(**kwargs):
        kwargs.setdefault("pdf", DocumentFactory())
        kwargs.setdefault("cover_image", ImageFactory())
        return WhitePaperPageFactory(parent=site_tree.papers, **kwargs)

    return make
