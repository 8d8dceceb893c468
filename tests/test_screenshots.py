"""`make screenshots` keeps docs/screenshots/ small and complete."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "docs" / "screenshots"


def test_every_page_type_at_both_widths_under_the_size_budget():
    names = {path.stem.rsplit("-", 1)[0] for path in SHOTS.glob("*.png")}
    assert {"home", "detail-nyheter", "detail-white-papers", "detail-personer", "search"} <= names
    for name in names:
        for width in (390, 1280):
            assert (SHOTS / f"{name}-{width}.png").exists(), f"{name} at {width}"
    assert sum(path.stat().st_size for path in SHOTS.glob("*.png")) < 1.5 * 1024 * 1024


def test_the_target_and_the_docs_name_each_other():
    assert "\nscreenshots: " in (ROOT / "Makefile").read_text()
    features = (ROOT / "docs" / "features.md").read_text()
    assert "(screenshots/home-390.png)" in features and "(screenshots/home-1280.png)" in features
