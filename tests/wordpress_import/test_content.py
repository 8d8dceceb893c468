"""The body conversion on its own (no database): hostile markup, odd cases."""

from wordpress_import.content import Converter, autop, rich_text


class Targets:
    def locate(self, url):
        return ("post", 7) if "?p=7" in url else None

    def page(self, wp_id):
        return None

    def image(self, wp_id):
        return None

    def image_alt(self, wp_id):
        return ""

    def document(self, wp_id):
        return None

    def is_document(self, wp_id):
        return False


def convert(content: str):
    return Converter(Targets()).convert(content)


def test_scripts_handlers_and_javascript_links_do_not_survive():
    result = convert(
        '<p onclick="steal()">Hej <a href="javascript:alert(1)">klicka</a>'
        '<script>alert(2)</script> <span style="color:red">du</span></p>'
        '<iframe src="javascript:alert(3)"></iframe>'
    )
    html = "".join(str(b["value"]) for b in result.blocks)
    assert html == "<p>Hej klicka du</p>"
    assert "en inbäddning utan adress" in result.warnings[0]


def test_text_is_escaped():
    result = convert("Ett &lt;b&gt; som text & ett et-tecken")
    assert result.blocks == [
        {"type": "paragraph", "value": "<p>Ett &lt;b&gt; som text &amp; ett et-tecken</p>"}
    ]


def test_link_to_a_post_not_imported_yet_is_kept_and_flagged():
    result = convert('<p>Se <a href="https://lsv.se/?p=7">den här</a>.</p>')
    assert result.unresolved
    assert '<a href="https://lsv.se/?p=7">den här</a>' in result.blocks[0]["value"]


def test_missing_image_is_reported_not_invented():
    result = convert('<figure class="wp-block-image"><img src="/x.png" alt="Ett foto"/></figure>')
    assert result.blocks == []
    assert "finns inte bland de importerade bilderna" in result.warnings[0]


def test_read_more_needs_links_to_posts_only():
    # A "Läs mer" heading followed by an outside link stays body text.
    result = convert('<h2>Läs mer</h2><p><a href="https://example.org/">Extern</a></p>')
    assert result.read_more == []
    assert [b["type"] for b in result.blocks] == ["heading", "paragraph"]


def test_autop_makes_paragraphs_from_blank_lines():
    assert autop("Ett\nTvå\n\nTre\n\n<h2>Rubrik</h2>") == (
        "<p>Ett<br>\nTvå</p>\n<p>Tre</p>\n<h2>Rubrik</h2>"
    )


def test_rich_text_for_a_biography_turns_headings_bold():
    blocks = [
        {"type": "heading", "value": {"text": "Bakgrund", "level": "h2"}},
        {"type": "quote", "value": {"text": "Tillit först", "attribution": "Henrik"}},
    ]
    assert rich_text(blocks, headings=False) == (
        "<p><b>Bakgrund</b></p><p>”Tillit först”</p><p>– Henrik</p>"
    )
