"""`make bench-import`: how long a large WordPress export takes to import.

Writes a synthetic export (5,000 posts and 10,000 attachments by default, each
attachment a small distinct PNG, one in fifty a PDF) with its uploads folder,
imports it into a rebuilt PostgreSQL database, and reports posts per second,
attachments per second and the process's peak memory (RSS).
"""

import io
import os
import platform
import random
import resource
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from PIL import Image as PillowImage

from bench.database import recreate_database
from wordpress_import.importer import Importer

HOST = "https://gamla.lsv.example"
CATEGORIES = [("nyheter", "Nyheter")] * 8 + [
    ("white-paper", "White Paper"),
    ("personer", "Personer"),
]
TAGS = [f"Ämne {n}" for n in range(60)]
AUTHORS = [f"Skribent{n} Efternamn{n}" for n in range(25)]
SENTENCE = (
    "Kommunerna i norr prövar nya sätt att arbeta förebyggande med unga, "
    "och <strong>resultaten</strong> följs upp av forskare."
)


def png(n: int) -> bytes:
    out = io.BytesIO()
    PillowImage.new("RGB", (24, 16), (n % 256, (n // 256) % 256, 90)).save(out, "PNG")
    return out.getvalue()


def pdf(n: int) -> bytes:
    # The smallest valid PDF with one page of text: the import extracts its text.
    text = f"Rapport nummer {n} om sociala investeringar"
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


class Command(BaseCommand):
    help = "Import a generated WordPress export into a rebuilt benchmark database."

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=5_000)
        parser.add_argument("--attachments", type=int, default=10_000)

    def handle(self, *args, posts: int, attachments: int, **options):
        db = settings.DATABASES["default"]
        if not settings.DATABASE_IS_POSTGRES or "bench" not in db["NAME"]:
            raise CommandError(
                "Runs only on a PostgreSQL database whose name contains 'bench' (it drops "
                "and rebuilds it): DATABASE_URL=postgres://…/lsv_bench_import"
            )
        with tempfile.TemporaryDirectory(prefix="bench-import-") as work:
            work = Path(work)
            # Imported files go to a scratch media folder, not the project's.
            settings.MEDIA_ROOT = str(work / "media")
            export, uploads = self.generate(work, posts, attachments)
            recreate_database(db)
            call_command("migrate", verbosity=0)
            self.measure(export, uploads, posts, attachments)

    def generate(self, work: Path, posts: int, attachments: int) -> tuple[Path, Path]:
        rng = random.Random(16)
        uploads = work / "uploads"
        export = work / "export.xml"
        start = datetime(2012, 1, 1, 8, 0, tzinfo=UTC)
        with export.open("w", encoding="utf-8") as out:
            out.write(
                '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
                'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
                f"<title>LSV</title><link>{HOST}</link>"
                f"<wp:base_site_url>{HOST}</wp:base_site_url>\n"
            )
            for n, name in enumerate(AUTHORS):
                first, last = name.split()
                out.write(
                    f"<wp:author><wp:author_id>{n + 1}</wp:author_id>"
                    f"<wp:author_login>a{n}</wp:author_login>"
                    f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
                    f"<wp:author_first_name>{first}</wp:author_first_name>"
                    f"<wp:author_last_name>{last}</wp:author_last_name></wp:author>\n"
                )
            first_post = attachments + 1
            for n in range(1, attachments + 1):
                is_pdf = n % 50 == 0
                name = f"{2012 + n % 10}/{1 + n % 12:02d}/fil-{n}.{'pdf' if is_pdf else 'png'}"
                path = uploads / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pdf(n) if is_pdf else png(n))
                parent = first_post + (n % posts) if posts else 0
                out.write(
                    f"<item><title>{cdata(f'Screen Shot {n}')}</title>"
                    f"<link>{HOST}/?attachment_id={n}</link>"
                    f"<wp:post_id>{n}</wp:post_id><wp:post_parent>{parent}</wp:post_parent>"
                    "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
                    f"<wp:attachment_url>{HOST}/wp-content/uploads/{name}</wp:attachment_url>"
                    "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
                    f"<wp:meta_value>{name}</wp:meta_value></wp:postmeta>"
                    "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
                    f"<wp:meta_value>Bild nummer {n}</wp:meta_value></wp:postmeta></item>\n"
                )
            for k in range(posts):
                wp_id = first_post + k
                image = rng.randrange(1, attachments + 1) if attachments else 0
                other = first_post + rng.randrange(posts)
                slug, category = rng.choice(CATEGORIES)
                date = start + timedelta(hours=7 * k)
                body = "\n\n".join(
                    [SENTENCE] * 3
                    + [
                        f'[caption id="attachment_{image}" width="300"]'
                        f'<img class="wp-image-{image}" src="{HOST}/wp-content/uploads/x.png" '
                        f'alt="" /> Bildtext {k}[/caption]',
                        "<h2>Mer om saken</h2>\n"
                        f'Se också <a href="{HOST}/?p={other}">en annan text</a>.',
                    ]
                )
                tags = "".join(
                    f'<category domain="post_tag" nicename="t{t}">{escape(TAGS[t])}</category>'
                    for t in rng.sample(range(len(TAGS)), 3)
                )
                out.write(
                    f"<item><title>{cdata(f'Inlägg nummer {k} om social innovation')}</title>"
                    f"<link>{HOST}/{date:%Y/%m}/inlagg-{k}/</link>"
                    f"<dc:creator>a{rng.randrange(len(AUTHORS))}</dc:creator>"
                    f"<guid>{HOST}/?p={wp_id}</guid>"
                    f"<content:encoded>{cdata(body)}</content:encoded>"
                    f"<excerpt:encoded>{cdata('')}</excerpt:encoded>"
                    f"<wp:post_id>{wp_id}</wp:post_id>"
                    f"<wp:post_date_gmt>{date:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
                    f"<wp:post_name>inlagg-{k}</wp:post_name><wp:status>publish</wp:status>"
                    "<wp:post_type>post</wp:post_type>"
                    f'<category domain="category" nicename="{slug}">{category}</category>{tags}'
                    "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                    f"<wp:meta_value>{image}</wp:meta_value></wp:postmeta></item>\n"
                )
            out.write("</channel>\n</rss>\n")
        size = export.stat().st_size / 1e6
        self.stdout.write(f"Export: {posts} posts, {attachments} attachments, {size:.1f} MB.")
        return export, uploads

    def measure(self, export: Path, uploads: Path, posts: int, attachments: int) -> None:
        phases: dict[str, float] = {}
        started = time.perf_counter()
        last = [started, ""]

        def progress(phase: str, done: int, total: int) -> None:
            now = time.perf_counter()
            if phase != last[1]:
                last[:] = [now, phase]
            phases[phase] = now - last[0]
            if done % 500 == 0 or done == total:
                self.stderr.write(f"{phase}: {done}/{total}, {now - started:.0f} s")

        report = Importer(export, media_dir=uploads, progress=progress).run()
        total = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        post_seconds = phases.get("inlägg", 0) + phases.get("länkar", 0)
        self.stdout.write(report.table())
        self.stdout.write(
            f"\n{datetime.now(UTC):%Y-%m-%d}, {platform.node()}: {cpu()} "
            f"({os.cpu_count()} CPUs), Python {platform.python_version()}, PostgreSQL"
        )
        self.stdout.write(f"total {total:.0f} s; peak RSS {peak_mb:.0f} MB")
        if attachments:
            rate = attachments / phases.get("bilagor", total)
            self.stdout.write(f"attachments: {rate:.1f}/s")
        if posts and post_seconds:
            self.stdout.write(
                f"posts: {posts / post_seconds:.1f}/s (links pass included); "
                f"whole import: {posts / total:.1f} posts/s"
            )


def cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"
