"""The demo content is written the way Swedish is typeset: a spaced en dash
(–) between clauses, not a hyphen, and ”…” for quotations, not straight
quotes. (Checked on the text, with HTML tags and their attributes left out.)"""

import re

from home.demo import data

TAG = re.compile(r"<[^>]*>")


def texts(value, where="data"):
    if isinstance(value, str):
        yield where, TAG.sub("", value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts(item, f"{where}[{index}]")


def demo_texts():
    for name in dir(data):
        if not name.startswith("_"):
            yield from texts(getattr(data, name), name)


def test_dashes_between_clauses_are_en_dashes():
    wrong = [(where, text) for where, text in demo_texts() if re.search(r"\s-{1,2}\s", text)]
    assert wrong == []


def test_quotations_use_swedish_quotation_marks():
    wrong = [(where, text) for where, text in demo_texts() if '"' in text or "“" in text]
    assert wrong == []


def test_the_swedish_interface_text_too():
    import gettext
    from pathlib import Path

    mo = Path(__file__).resolve().parents[2] / "locale/sv/LC_MESSAGES/django.mo"
    with mo.open("rb") as file:
        catalogue = gettext.GNUTranslations(file)._catalog
    plain = [TAG.sub("", text) for text in catalogue.values() if isinstance(text, str)]
    wrong = [text for text in plain if re.search(r"\s-{1,2}\s", text) or '"' in text]
    assert wrong == []
