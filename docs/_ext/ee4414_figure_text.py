"""Text in figures that a student can read: a floor on its size as the page shows it.

A figure's text is ``font size (pt) × dpi / 72`` pixels tall in the saved image, and the
page shrinks an image wider than the content column to fit (two or more figures of one
code block share a row, 42 % of the column each). So the size on screen is

.. math::

    \\text{px} = \\text{pt} \\cdot \\frac{\\text{dpi}}{72} \\cdot
    \\min\\left(1, \\frac{\\text{shown width}}{\\text{image width}}\\right).

``text_scraper`` (first in ``image_scrapers``) measures every figure a code block leaves
open, animations included, before the other scrapers save and close them: the smallest
visible text, in image pixels, and the image's width. It writes them beside the example
(``auto_examples/weekN/plot_x.figtext.json``). After the build, every figure whose
smallest text is under :data:`FLOOR_PX` at the desktop width :data:`CONTENT_PX` is a
warning, so the strict build fails and names the figure, the text and its size.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

#: The smallest text (CSS pixels) a figure may show at the desktop content width.
FLOOR_PX = 11.0
#: Width of furo's content column on a desktop screen, in CSS pixels (measured in
#: Chromium with 1280 and 1440 px wide windows: 46em at a 16 px root font).
CONTENT_PX = 736.0
#: The base font size of the gallery's figures, in points (matplotlib's default is 10).
#: On screen a figure ``w`` inches wide and wider than the column shows text of ``s`` pt at
#: ``s * CONTENT_PX / (72 w)`` px, whatever its dpi: 12 pt stays legible up to 11 inches.
FONT_SIZE = 12.0
#: The share of the column each image gets when a block shows several side by side
#: (sphinx-gallery's ``.sphx-glr-multi-img { max-width: 42% }``).
MULTI_SHARE = 0.42
RECORD_SUFFIX = ".figtext.json"

_SEEN: set[str] = set()  # examples whose record this process has started afresh


def smallest_text(fig: Any) -> tuple[float, str]:
    """The smallest visible, non-empty text of ``fig``, in image pixels, and the text itself.

    The figure is laid out first (without rendering pixels), so that tick labels exist.
    """
    from matplotlib.text import Text

    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    fig_box = fig.bbox
    found: tuple[float, str] = (float("inf"), "")
    for text in fig.findobj(Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        box = text.get_window_extent(renderer)
        if box.width <= 0 or not box.overlaps(fig_box):
            continue  # laid out outside the figure: never seen
        px = text.get_fontsize() * fig.dpi / 72.0
        if px < found[0]:
            found = (px, text.get_text().strip())
    return found


def shown_px(image_px: float, image_width: float, n_side_by_side: int = 1) -> float:
    """The height on screen of text ``image_px`` tall in an image ``image_width`` wide."""
    room = CONTENT_PX * (MULTI_SHARE if n_side_by_side > 1 else 1.0)
    return image_px * min(1.0, room / image_width)


def text_scraper(block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """Record the smallest text of every open figure (an image scraper that adds no rST).

    Static figures are recorded under the image file name the ``"matplotlib"`` scraper
    will give them; an animation's figure under ``animation-N``, with its pixel width.
    """
    import matplotlib.pyplot as plt
    from matplotlib.animation import Animation

    target = Path(block_vars["target_file"])
    record_path = target.with_name(target.stem + RECORD_SUFFIX)
    if str(target) not in _SEEN:
        _SEEN.add(str(target))
        record: dict[str, Any] = {}
    else:
        record = json.loads(record_path.read_text()) if record_path.exists() else {}
    animated = {  # an animation's figure is private (_fig): matplotlib has no accessor
        id(v._fig)  # type: ignore[attr-defined]
        for v in block_vars["example_globals"].values()
        if isinstance(v, Animation)
    }
    iterator = block_vars["image_path_iterator"]
    static = [plt.figure(n) for n in plt.get_fignums()]
    animations = [f for f in static if id(f) in animated]
    static = [f for f in static if id(f) not in animated]
    for i, fig in enumerate(static):
        px, text = smallest_text(fig)
        name = Path(iterator.image_path.format(len(iterator) + 1 + i)).name
        record[name] = {"px": px, "text": text, "side_by_side": len(static)}
    for fig in animations:
        px, text = smallest_text(fig)
        width = fig.get_size_inches()[0] * fig.dpi
        key = f"animation-{sum(k.startswith('animation') for k in record) + 1}"
        record[key] = {"px": px, "text": text, "side_by_side": 1, "width": width}
    record_path.write_text(json.dumps(record, indent=1, ensure_ascii=False))
    return ""


def legible_fonts(gallery_conf: dict[str, Any], fname: str, when: str) -> None:
    """Start every example with :data:`FONT_SIZE` as matplotlib's base font size.

    A ``reset_modules`` hook of sphinx-gallery, run after its own reset of matplotlib.
    """
    import matplotlib

    matplotlib.rcParams["font.size"] = FONT_SIZE


def png_width(path: Path) -> int:
    """The width of a PNG image, read from its header."""
    with path.open("rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG file")
    return int(struct.unpack(">I", head[16:20])[0])


def problems(gallery: Path) -> list[str]:
    """Every figure under ``gallery`` whose smallest text is below the floor on screen."""
    out = []
    for record_path in sorted(gallery.glob(f"**/*{RECORD_SUFFIX}")):
        example = record_path.name.removesuffix(RECORD_SUFFIX)
        for name, entry in json.loads(record_path.read_text()).items():
            if "width" in entry:
                width = float(entry["width"])
            else:
                image = record_path.parent / "images" / name
                if not image.exists():
                    continue  # not saved (the figure was closed by the example)
                width = float(png_width(image))
            on_screen = shown_px(entry["px"], width, entry["side_by_side"])
            if on_screen < FLOOR_PX - 1e-9:
                out.append(
                    f"{example}: {name}: text {entry['text']!r} is {on_screen:.1f} px on a "
                    f"{CONTENT_PX:.0f} px column (floor {FLOOR_PX:.0f} px; image {width:.0f} px "
                    f"wide, text {entry['px']:.1f} px in it)"
                )
    return out


def smallest(gallery: Path) -> tuple[float, str]:
    """The smallest on-screen text of all figures, and where it is (for reports)."""
    best = (float("inf"), "")
    for record_path in sorted(gallery.glob(f"**/*{RECORD_SUFFIX}")):
        for name, entry in json.loads(record_path.read_text()).items():
            image = record_path.parent / "images" / name
            if "width" in entry:
                width = float(entry["width"])
            elif image.exists():
                width = float(png_width(image))
            else:
                continue
            px = shown_px(entry["px"], width, entry["side_by_side"])
            best = min(best, (px, f"{record_path.name}: {name}: {entry['text']!r}"))
    return best


def _check(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    src = Path(app.srcdir)
    for gallery in app.config.sphinx_gallery_conf.get("gallery_dirs", []):
        for problem in problems(src / gallery):
            logger.warning(f"figure text too small: {problem}")
        px, where = smallest(src / gallery)
        if where:
            logger.info(f"ee4414: smallest figure text {px:.1f} px ({where})")


def setup(app: Any) -> dict[str, Any]:
    """Check the recorded figure text after the build."""
    app.connect("build-finished", _check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
