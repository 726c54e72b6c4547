"""Time furo's sidebar navigation per page: furo's own code against ee4414_navigation.

    python benchmarks/navigation.py [--sizes 100 250 500] [--site docs/_build/html]

For each size a synthetic site (tools/synthetic_site.py) is built twice, with and without
the extension, and the time spent computing the navigation tree is summed over all
pages. furo's cost per page grows with the size of the site (it re-renders and re-parses
the whole tree for every page); the extension's should stay flat.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import furo  # noqa: E402
from sphinx.cmd.build import build_main  # noqa: E402
from synthetic_site import write_site  # noqa: E402

_spent = {"seconds": 0.0, "pages": 0}


def _timed(compute):
    def wrapper(context):
        start = time.perf_counter()
        try:
            return compute(context)
        finally:
            _spent["seconds"] += time.perf_counter() - start
            _spent["pages"] += 1

    wrapper.__wrapped__ = compute
    return wrapper


def build(src: Path, out: Path) -> tuple[float, int, float]:
    """Build ``src``; return navigation seconds, pages, and the whole build's seconds."""
    original = furo._compute_navigation_tree
    _spent.update(seconds=0.0, pages=0)
    # time whatever computes the tree once the extensions are set up (builder-inited)
    from sphinx.application import Sphinx

    setup_extension = Sphinx._init_builder

    def init_builder(app):
        setup_extension(app)
        furo._compute_navigation_tree = _timed(furo._compute_navigation_tree)

    Sphinx._init_builder = init_builder
    start = time.perf_counter()
    try:
        status = build_main(["-q", "-b", "html", str(src), str(out)])
    finally:
        Sphinx._init_builder = setup_extension
        furo._compute_navigation_tree = original
    if status:
        raise SystemExit(f"the build of {src} failed")
    return _spent["seconds"], _spent["pages"], time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 250, 500])
    args = parser.parse_args()
    print(f"furo {furo.__version__}")
    print("| pages | furo: navigation | per page | ee4414_navigation | per page | speed-up |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in args.sizes:
        sections = max(2, round((size / 26) ** 0.5 * 1.6))
        pages = max(2, round(size / sections / 2.6))
        results = {}
        for navigation in (False, True):
            with tempfile.TemporaryDirectory() as tmp:
                src = Path(tmp) / "src"
                n = write_site(src, sections, pages, 3, navigation=navigation)
                results[navigation] = build(src, Path(tmp) / "out")
        (f_s, f_n, _), (e_s, e_n, _) = results[False], results[True]
        print(
            f"| {n} | {f_s:.2f} s | {f_s / f_n * 1000:.1f} ms | {e_s:.3f} s | "
            f"{e_s / e_n * 1000:.2f} ms | {f_s / e_s:.0f}x |",
            flush=True,
        )


if __name__ == "__main__":
    main()
