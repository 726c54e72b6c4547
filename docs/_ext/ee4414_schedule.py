"""The gallery's longest examples start first, so no worker waits alone at a week's end.

sphinx-gallery hands each week's examples to its worker processes in page order and
waits for the week to finish before the next one starts. A week whose longest example
comes last (W4-1.5, W6-1.4: both train and animate) keeps one worker busy while the
others idle. Started first, the long example runs alongside the short ones.

The order comes from ``example_times.json`` beside this file: each example's seconds, as
``benchmarks/build.py --write-times`` read them from a clean build; an example it does not list runs
after the listed ones, in page order. Only the execution order changes: sphinx-gallery
puts the results back in page order (0.22 and later), so pages, indexes and thumbnails
are the same. With an older sphinx-gallery, or without ``_split_parallel``, nothing is
changed (and the build says so once).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
TIMES = Path(__file__).with_name("example_times.json")


def load_times(path: Path = TIMES) -> dict[str, float]:
    """Each example's seconds, keyed ``weekN/plot_....py``; empty when there is no file."""
    if not path.is_file():
        return {}
    return {str(k): float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


def longest_first(names: Sequence[str], week: str, times: dict[str, float]) -> list[str]:
    """``names`` (file names in ``week``) by decreasing time; unknown ones last, in order."""
    known = [n for n in names if f"{week}/{n}" in times]
    unknown = [n for n in names if f"{week}/{n}" not in times]
    return sorted(known, key=lambda n: -times[f"{week}/{n}"]) + unknown


def _ordered(split: Callable[..., tuple[list[str], list[str]]], times: dict[str, float]) -> Any:
    def split_longest_first(
        sorted_listdir: list[str], src_dir: str, gallery_conf: dict[str, Any]
    ) -> tuple[list[str], list[str]]:
        serial, parallel = split(sorted_listdir, src_dir, gallery_conf)
        return serial, longest_first(parallel, Path(src_dir).name, times)

    split_longest_first.original = split  # type: ignore[attr-defined]
    return split_longest_first


def _install(app: Sphinx) -> None:
    import sphinx_gallery
    from sphinx_gallery import gen_rst

    version = tuple(int(part) for part in sphinx_gallery.__version__.split(".")[:2])
    split = getattr(gen_rst, "_split_parallel", None)
    if split is None or version < (0, 22):
        logger.info(
            f"ee4414_schedule: sphinx-gallery {sphinx_gallery.__version__} runs the examples "
            "in page order"
        )
        return
    split = getattr(split, "original", split)  # a second build in the same process
    gen_rst._split_parallel = _ordered(split, load_times())


def setup(app: Sphinx) -> dict[str, Any]:
    """Start the longest examples of each week first."""
    app.connect("builder-inited", _install, priority=300)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
