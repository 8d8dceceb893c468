"""The documentation stays short, linked and free of session history.

README.md is the front door: at most 150 lines, the two commands first, the
rest in docs/. Every relative link (and anchor) points at something that
exists.
"""

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [
    "architecture.md",
    "operations.md",
    "editors.md",
    "performance.md",
    "development.md",
    "decisions.md",
]
SESSION_PHRASES = [
    "this session",
    "last session",
    "at the start of the session",
    "other engineers",
]
README_MAX_LINES = 150

# [text](target) and [text]: target, but not images' data or code spans.
INLINE_LINK = re.compile(r"(?<!\!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s+(\S+)", re.MULTILINE)
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`[^`\n]*`")


def documents() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def prose(text: str) -> str:
    """The text without code blocks and code spans (links there are examples)."""
    return CODE_SPAN.sub("", FENCE.sub("", text))


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    text = unicodedata.normalize("NFC", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*\s*$", text, re.MULTILINE):
        base = slug(CODE_SPAN.sub(lambda m: m.group(0).strip("`"), heading))
        name, n = base, 1
        while name in found:
            name = f"{base}-{n}"
            n += 1
        found.add(name)
    return found


def links(path: Path) -> list[str]:
    text = prose(path.read_text(encoding="utf-8"))
    return INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text)


@pytest.mark.parametrize("page", PAGES)
def test_docs_page_exists(page):
    assert (DOCS / page).is_file(), f"docs/{page} is missing"


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES, (
        f"README.md has {len(lines)} lines; at most {README_MAX_LINES}: move detail to docs/"
    )


def test_readme_starts_with_the_two_commands():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines and lines[0].startswith("# "), "README.md starts with its title"
    rest = lines[1:]
    fence = next((i for i, line in enumerate(rest) if line.startswith("```")), None)
    assert fence is not None, "README.md has no code block"
    intro = rest[:fence]
    assert not any(line.startswith("#") for line in intro), (
        "nothing but the intro comes between the title and the two commands"
    )
    assert any(line.strip() for line in intro), "README.md says what the site is first"
    end = next(i for i in range(fence + 1, len(rest)) if rest[i].startswith("```"))
    commands = [
        line.split("#")[0].strip() for line in rest[fence + 1 : end] if line.split("#")[0].strip()
    ]
    assert commands == ["make run", "make test"], commands


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_resolve(path):
    broken = []
    for target in links(path):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # http:, https:, mailto:
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / file_part).resolve() if file_part else path
        if not destination.exists():
            broken.append(target)
        elif anchor and destination.suffix == ".md" and anchor not in anchors(destination):
            broken.append(target)
    assert not broken, f"{path.name}: links to nothing: {broken}"


@pytest.mark.parametrize("path", documents(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_session_history(path):
    text = path.read_text(encoding="utf-8").lower()
    found = [phrase for phrase in SESSION_PHRASES if phrase in text]
    assert not found, f"{path.name} tells session history: {found}"
