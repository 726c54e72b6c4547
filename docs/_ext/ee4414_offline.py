"""Pages that load nothing from another host; the build fails on any that does.

matplotlib's ``jshtml`` animation player asks Font Awesome from a CDN:
:func:`local_font_awesome` points it at the copy under ``_static/font-awesome`` (the
animation scraper in ``ee4414_scrapers`` calls it on the player it embeds, so the page
source never names the CDN). After the build every page is scanned, and any
script, stylesheet, image, frame or ``@import`` still loaded from another host is a
warning, so ``-W`` fails the build. :func:`third_party_loads` is that scan, the one
definition that ``tools/check_site.py`` uses too.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

_FONT_AWESOME_CDN = re.compile(
    r"https?://[a-z0-9.-]+/(?:ajax/libs/)?font-awesome/[0-9.]+/css/font-awesome(?:\.min)?\.css"
)
#: the site's own Font Awesome, relative to the source (and output) folder
FONT_AWESOME_LOCAL = "_static/font-awesome/css/font-awesome.min.css"
# a tag that makes the browser fetch something from another host as the page loads (a
# canonical <link> only names an address)
THIRD_PARTY_LOAD = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc=[\"'](?:https?:)?//"
    r"|<link\b(?![^>]*\brel=[\"']?canonical)[^>]*?\bhref=[\"'](?:https?:)?//"
    r"|@import\s+(?:url\()?[\"']?(?:https?:)?//",
    re.IGNORECASE,
)


def third_party_loads(html: str) -> list[str]:
    """The start of every tag in ``html`` that loads something from another host."""
    return [
        html[m.start() : m.start() + 160].replace("\n", " ")
        for m in THIRD_PARTY_LOAD.finditer(html)
    ]


def local_font_awesome(html: str, href: str) -> str:
    """``html`` with each Font Awesome stylesheet from a CDN replaced by ``href``.

    A player whose markup no longer matches is left as it is, and the scan after the
    build then fails on it.
    """
    return _FONT_AWESOME_CDN.sub(href, html)


def _check_no_third_party_loads(app: Sphinx, exception: Exception | None) -> None:
    """Warn for every built page that still loads a resource from another host."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    for page in sorted(outdir.rglob("*.html")):
        for snippet in third_party_loads(page.read_text(encoding="utf-8", errors="replace")):
            logger.warning("%s loads from another host: %s", page.relative_to(outdir), snippet)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", _check_no_third_party_loads)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
