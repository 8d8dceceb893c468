import pytest

from search.query import (
    MAX_QUERY_LENGTH,
    Operator,
    clean_query,
    phrases,
    search_terms,
    split_operators,
)


def test_clean_query_drops_control_characters_and_surplus_space():
    assert clean_query("  psykisk\x00 \t ohälsa\n ") == "psykisk ohälsa"


def test_clean_query_truncates_long_input():
    assert len(clean_query("ord " * 1000)) <= MAX_QUERY_LENGTH


def test_search_terms_keep_words_only():
    assert search_terms("'tillit' & (styrning | !välfärd):*") == "tillit styrning välfärd"
    assert search_terms("<script>alert(1)</script>") == "script alert 1 script"
    assert search_terms("🙂 ! :*") == ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('välfärd "social innovation"', ("social innovation",)),
        ("”vård i hemmet” skola", ("vård i hemmet",)),
        ("“vård i hemmet”", ("vård i hemmet",)),
        ("«vård i hemmet» »unga vuxna»", ("vård i hemmet", "unga vuxna")),
        ("„vård i hemmet“", ("vård i hemmet",)),
        # A quotation mark without its closing one gives plain words.
        ('"ofullständig fras', ()),
        ('"a b" "c d', ("a b",)),
        # One quoted word is a word.
        ('"välfärd" skola', ()),
        # Only the words of a phrase, never backend syntax.
        ('"tillit\' & !(styrning | x):*"', ("tillit styrning x",)),
        ('"<->" "a <2> b"', ("a 2 b",)),
    ],
)
def test_phrases(query, expected):
    assert phrases(query) == expected


def test_split_operators():
    assert split_operators("välfärd typ:nyheter ÄMNE:”social innovation” år:2026 unga") == (
        "välfärd unga",
        [
            Operator("kind", "nyheter"),
            Operator("topic", "social innovation"),
            Operator("year", "2026"),
        ],
    )
    assert split_operators("amne:klimat ar:2025") == (
        "",
        [Operator("topic", "klimat"), Operator("year", "2025")],
    )
    # Not an operator: inside a word, another name, no value.
    assert split_operators("kl:15 antityp:x typ: x") == ("kl:15 antityp:x typ: x", [])
