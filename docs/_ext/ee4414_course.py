"""The course as data, read from ``examples/``: a week is a ``weekN`` folder there.

``conf.py`` orders the gallery by it, and the pages that list every week (the zip table
on getting-started) are generated from it, so a new week is a new folder.
"""

from __future__ import annotations

import re
from pathlib import Path

WEEK = re.compile(r"^week(\d+)$")


def weeks(examples: Path) -> list[Path]:
    """The week folders under ``examples``, in week order (week10 after week9)."""
    found = [p for p in examples.iterdir() if p.is_dir() and WEEK.match(p.name)]
    return sorted(found, key=lambda p: int(WEEK.match(p.name).group(1)))  # type: ignore[union-attr]
