"""Generated requests against every public URL pattern never get a 5xx."""

import string

from django.test import Client

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x1F600), max_size=40
)
NUMBERISH = st.one_of(
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "NaN", "∞", "1.5", " 2", "0x10", "२"]),
    TEXT,
)
SEGMENT = st.text(alphabet=string.ascii_letters + string.digits + "-_.~%åäö", max_size=20)


@pytest.fixture
def known_paths(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, topics=["Effektmätning"])
    paper = WhitePaperPageFactory(parent=site_tree.papers)
    person = PersonPageFactory(parent=site_tree.people)
    return [
        "/",
        site_tree.news.url,
        f"{site_tree.news.url}amne/effektmatning/",
        site_tree.papers.url,
        site_tree.people.url,
        article.url,
        paper.url,
        person.url,
        "/feeds/nyheter/rss/",
        "/healthz",
        "/readyz",
        "/documents/1/x.pdf",
        "/admin/login/",
    ]


@st.composite
def requests(draw, paths):
    path = draw(st.sampled_from(paths))
    if draw(st.booleans()):
        path += "/".join(draw(st.lists(SEGMENT, max_size=3)))
    query = draw(
        st.dictionaries(
            st.sampled_from(["page", "q", "topic", "utm_source", "x" * 50, "page[]", ""]),
            NUMBERISH,
            max_size=4,
        )
    )
    headers = draw(
        st.dictionaries(
            st.sampled_from(
                [
                    "HTTP_ACCEPT_LANGUAGE",
                    "HTTP_ACCEPT",
                    "HTTP_IF_MODIFIED_SINCE",
                    "HTTP_IF_NONE_MATCH",
                    "HTTP_RANGE",
                    "HTTP_X_FORWARDED_FOR",
                    "HTTP_COOKIE",
                    "HTTP_REFERER",
                ]
            ),
            st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60),
            max_size=3,
        )
    )
    method = draw(st.sampled_from(["get", "head", "post", "put", "delete", "options", "patch"]))
    return method, path, query, headers


def test_no_request_gets_a_server_error(known_paths):
    client = Client(raise_request_exception=False)

    @settings(
        max_examples=100,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(requests(known_paths))
    def check(request):
        method, path, query, headers = request
        if method in ("get", "head"):
            response = getattr(client, method)(path, query, **headers)
        else:
            response = getattr(client, method)(f"{path}?{'&'.join(query)}", **headers)
        assert response.status_code < 500, (method, path, query, headers)

    check()
