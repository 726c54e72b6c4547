"""sphinx-gallery's execution-time pages as plain tables, kept out of search.

sphinx-gallery writes ``sg_execution_times.rst`` pages whose ``raw:: html`` block loads
jQuery and DataTables from CDNs to make the table sortable. This extension (one
``source-read`` hook) drops that block, so the page loads nothing from another host and
the table stays a plain table; drops the memory column, all zeros because
``show_memory`` is off; and marks the page ``:nosearch:``, since it lists every
example's file name and would come near the top of most searches.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

_DATATABLES_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)\.\. raw:: html\n(?:(?P=indent)[ \t]+.*\n|[ \t]*\n)*?"
    r"(?P=indent)[ \t]+</script>\n",
    re.MULTILINE,
)


def plain_timing_page(text: str) -> tuple[str, bool]:
    """The reST of a timing page without its CDN block and memory column.

    Returns the new text and whether the DataTables block is gone (False means that
    sphinx-gallery's markup changed and the block could not be found).
    """
    if ":nosearch:" not in text:
        text = text.replace(":orphan:\n", ":orphan:\n:nosearch:\n", 1)
    if "cdn.datatables.net" in text or "code.jquery.com" in text:
        text = _DATATABLES_BLOCK.sub("", text, count=1)
    return drop_third_column(text), "cdn.datatables.net" not in text


def drop_third_column(text: str) -> str:
    """Drop the third cell of every row of a ``list-table`` (the memory column)."""
    out, item = [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith("   * - "):
            item = 1
        elif line.startswith("     - ") and item:
            item += 1
            if item == 3:
                continue
        out.append(line)
    return "".join(out)


def _rewrite(app: Sphinx, docname: str, source: list[str]) -> None:
    if docname.rsplit("/", 1)[-1] != "sg_execution_times":
        return
    source[0], stripped = plain_timing_page(source[0])
    if not stripped:
        logger.warning("could not strip the DataTables block from %s", docname)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("source-read", _rewrite)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
