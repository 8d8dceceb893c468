"""Photographs one page of each type (found as frontend-checks/check.py finds
them: by following links from the home page) at a phone's and a laptop's width,
and writes small palette PNGs. Run by `bin/screenshots` (`make screenshots`)."""

import argparse
import io
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "frontend-checks"))
from check import CHROMIUM, CHROMIUM_ARGS, discover  # noqa: E402

WIDTHS = {390: 844, 1280: 800}
# The top of each page, as tall as a few screens: enough to show its design,
# small enough to keep in the repository.
MAX_HEIGHT = {390: 2000, 1280: 1500}
COLOURS = 64


def small_png(png: bytes) -> bytes:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    image = image.quantize(
        colors=COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    pages = discover(args.base)
    total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            context = browser.new_context(
                locale="sv-SE", viewport={"width": width, "height": height}, color_scheme="light"
            )
            tab = context.new_page()
            for name, url in pages.items():
                tab.goto(url, wait_until="networkidle")
                # Lazy images below the fold load as a reader scrolls to them.
                tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
                tab.wait_for_load_state("networkidle")
                tab.evaluate("window.scrollTo(0, 0)")
                full = tab.evaluate("document.documentElement.scrollHeight")
                clip = {"x": 0, "y": 0, "width": width, "height": min(full, MAX_HEIGHT[width])}
                png = small_png(tab.screenshot(full_page=True, clip=clip))
                slug = name.replace(" ", "-").replace("/", "-")
                path = args.out / f"{slug}-{width}.png"
                path.write_bytes(png)
                total += len(png)
                sys.stdout.write(f"  {path} {len(png) // 1024} KB\n")
            context.close()
        browser.close()
    sys.stdout.write(f"  {total // 1024} KB in all\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
