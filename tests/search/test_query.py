from search.query import MAX_QUERY_LENGTH, clean_query, search_terms


def test_clean_query_drops_control_characters_and_surplus_space():
    assert clean_query("  psykisk\x00 \t ohälsa\n ") == "psykisk ohälsa"


def test_clean_query_truncates_long_input():
    assert len(clean_query("ord " * 1000)) <= MAX_QUERY_LENGTH


def test_search_terms_keep_words_only():
    assert search_terms("'tillit' & (styrning | !välfärd):*") == "tillit styrning välfärd"
    assert search_terms("<script>alert(1)</script>") == "script alert 1 script"
    assert search_terms("🙂 ! :*") == ""
