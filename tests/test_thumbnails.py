"""Every week-1 gallery thumbnail shows the example's idea, never the placeholder logo."""

from __future__ import annotations

import re
import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEEK1 = sorted((ROOT / "examples" / "week1").glob("plot_*.py"))
THUMBNAIL = re.compile(r'^# sphinx_gallery_thumbnail_path = "(_thumbnails/[\w.]+\.png)"$', re.M)


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def test_every_week1_example_has_a_thumbnail_of_its_own():
    assert len(WEEK1) == 25
    drawn, diagrams = [], []
    for src in WEEK1:
        text = src.read_text(encoding="utf-8")
        match = THUMBNAIL.search(text)
        if match is None:
            # the first figure the example draws becomes its thumbnail
            assert any(draw in text for draw in ("plt.", "ee4414.plot", "draw_matrix")), src.name
            drawn.append(src.stem)
        else:
            image = ROOT / "docs" / match.group(1)
            assert image.name == f"{src.stem}.png"
            assert _png_size(image) == (400, 280), image
            diagrams.append(src.stem)
    assert len(drawn) == 10 and len(diagrams) == 15


def test_the_diagram_script_covers_exactly_the_examples_that_use_one():
    script = (ROOT / "docs" / "_ext" / "ee4414_thumbnails.py").read_text(encoding="utf-8")
    listed = set(re.findall(r'"(plot_w1_\w+)": ', script))
    used = {src.stem for src in WEEK1 if THUMBNAIL.search(src.read_text(encoding="utf-8"))}
    assert listed == used
    assert {p.stem for p in (ROOT / "docs" / "_thumbnails").glob("*.png")} == used
