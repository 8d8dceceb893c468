"""A white paper as a reference: the text to paste into a reference list,
BibTeX and RIS for reference managers, and Google Scholar's citation_* tags."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _


def surname_first(name: str) -> str:
    """ "Anna Karin Berg" -> "Berg, Anna Karin", as reference lists sort by surname."""
    parts = name.split()
    if len(parts) < 2:
        return name.strip()
    return f"{parts[-1]}, {' '.join(parts[:-1])}"


def one_line(text: str) -> str:
    return " ".join(str(text or "").split())


_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
_BIBTEX_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bibtex_escape(text: str) -> str:
    def replace(match):
        char = match.group(1)
        return _BIBTEX_REPLACEMENTS.get(char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(replace, one_line(text))


@dataclass(frozen=True)
class Citation:
    title: str
    authors: list[str]
    published: date | None
    publisher: str
    url: str
    pdf_url: str = ""
    abstract: str = ""
    slug: str = "rapport"

    @property
    def year(self) -> str:
        return str(self.published.year) if self.published else _("n.d.")

    def text(self) -> str:
        """A reference in the author–date style: Berg, A. (2025). Title. LSV. URL"""
        names = [surname_first(one_line(a)) for a in self.authors]
        if len(names) > 1:
            who = ", ".join(names[:-1]) + " & " + names[-1]
        else:
            who = names[0] if names else self.publisher
        return f"{who} ({self.year}). {one_line(self.title)}. {self.publisher}. {self.url}"

    def key(self) -> str:
        """A BibTeX key such as berg2025framtidens: ASCII letters and digits only."""
        first = self.authors[0].split()[-1] if self.authors else self.publisher
        word = next((w for w in self.title.split() if len(w) > 3), "rapport")
        raw = f"{first}{self.year if self.published else ''}{word}"
        ascii_only = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]", "", ascii_only.lower()) or "rapport"

    def bibtex(self) -> str:
        fields = [
            ("author", " and ".join(surname_first(one_line(a)) for a in self.authors)),
            ("title", self.title),
            ("institution", self.publisher),
            ("year", self.year if self.published else ""),
            ("month", str(self.published.month) if self.published else ""),
            ("url", self.url),
            ("language", "swedish"),
            ("abstract", self.abstract),
        ]
        lines = []
        for name, value in fields:
            if not value:
                continue
            # URLs go verbatim: the url package expects them unescaped.
            value = one_line(value) if name == "url" else bibtex_escape(value)
            # Double braces keep the title's capitals as written.
            value = f"{{{value}}}" if name == "title" else value
            lines.append(f"  {name} = {{{value}}}")
        return f"@techreport{{{self.key()},\n" + ",\n".join(lines) + "\n}\n"

    def ris(self) -> str:
        """RIS, with the CRLF line ends and "TAG  - " prefixes the format wants."""
        rows = [("TY", "RPRT")]
        rows += [("AU", surname_first(one_line(a))) for a in self.authors]
        rows.append(("TI", self.title))
        if self.published:
            rows.append(("PY", str(self.published.year)))
            rows.append(("DA", self.published.strftime("%Y/%m/%d")))
        rows += [("PB", self.publisher), ("UR", self.url)]
        if self.pdf_url:
            rows.append(("L1", self.pdf_url))
        rows.append(("LA", "sv"))
        if self.abstract:
            rows.append(("AB", self.abstract))
        rows.append(("ER", ""))
        return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in rows)

    def meta_tags(self) -> list[tuple[str, str]]:
        """Google Scholar's tags (https://scholar.google.com/intl/en/scholar/inclusion.html)."""
        tags = [("citation_title", one_line(self.title))]
        tags += [("citation_author", surname_first(one_line(a))) for a in self.authors]
        if self.published:
            tags.append(("citation_publication_date", self.published.strftime("%Y/%m/%d")))
        tags.append(("citation_technical_report_institution", self.publisher))
        tags.append(("citation_publisher", self.publisher))
        tags.append(("citation_language", "sv"))
        tags.append(("citation_abstract_html_url", self.url))
        if self.pdf_url:
            tags.append(("citation_pdf_url", self.pdf_url))
        return tags
