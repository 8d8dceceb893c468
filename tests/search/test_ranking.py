"""Ranking a reader would agree with, over a fixed corpus of our own:
the words as a phrase in the title first, then all of them in the title,
then topics, authors and leads, then body and PDF text; newer first when
pages rank alike (PostgreSQL: the SearchEntry table).

The corpus and the cases are in bench/search_quality.py, which `make
bench-search` prints the pass rate of. One test walks every case, so the
corpus is built once, and a failure lists every case that is off, not only
the first."""

from django.db import connection

import pytest

from bench.search_quality import RANKING_CASES, build_ranking_corpus, ranking_failures

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="ranking in tiers needs PostgreSQL"
    ),
]


def test_at_least_25_cases():
    assert len(RANKING_CASES) >= 25


def test_ranking_cases(site_tree):
    ids = build_ranking_corpus(site_tree.news, site_tree.papers, site_tree.people)
    failures = ranking_failures(ids)
    assert not failures, "\n".join(failures)
