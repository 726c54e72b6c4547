"""How fast the site builds, against its physical limit, and how big it is.

Run it in the docs environment (after one `nox -s docs`), from the repository root::

    .nox/docs/bin/python benchmarks/build.py [--example week2/plot_w2_1_6_train_100_epochs.py]

It measures, on this machine:

1. the **floor**: every example script run once, one after the other, in one Python
   process (imports paid once, as in the build), and a **clean build** (`sphinx-build`
   with every generated file removed first): target build <= 1.5 x floor;
2. the **rebuild** after touching one example against that example's own run time:
   target <= 2 x run time + 10 s;
3. the **largest page** (HTML plus the images it embeds inline) and the site's size:
   target: no page over 3 MB.

It prints a Markdown table for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import runpy
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
GENERATED = ["_build", "auto_examples", "api/generated", "generated", "jupyter_execute"]


def floor(examples: list[Path]) -> tuple[float, dict[str, float]]:
    """Run every example once in this process; return the total and each one's time."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import ee4414  # noqa: F401  (imports paid once, as in the build)

    each = {}
    start = time.perf_counter()
    for path in examples:
        t0 = time.perf_counter()
        runpy.run_path(str(path), run_name="__main__")
        plt.close("all")
        each[path.relative_to(ROOT / "examples").as_posix()] = time.perf_counter() - t0
    return time.perf_counter() - start, each


def sphinx_build() -> float:
    """Run the strict HTML build; return its wall time."""
    start = time.perf_counter()
    env = {**os.environ, "MPLBACKEND": "Agg"}
    cmd = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q", "-j", "auto"]
    cmd += ["-b", "html"]  # as `nox -s docs` runs it
    subprocess.run([*cmd, str(DOCS), str(HTML)], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def page_sizes() -> tuple[str, int, int]:
    """The largest HTML page (name, bytes) and the total size of the site in bytes."""
    pages = {p: p.stat().st_size for p in HTML.rglob("*.html")}
    largest = max(pages, key=pages.__getitem__)
    total = sum(p.stat().st_size for p in HTML.rglob("*") if p.is_file())
    return largest.relative_to(HTML).as_posix(), pages[largest], total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="week2/plot_w2_1_6_train_100_epochs.py")
    args = parser.parse_args()
    examples = sorted((ROOT / "examples").glob("week*/plot_*.py"))
    floor_s, each = floor(examples)
    print(f"floor: {len(examples)} examples in one process: {floor_s:.1f} s", flush=True)
    for name in GENERATED:
        shutil.rmtree(DOCS / name, ignore_errors=True)
    clean_s = sphinx_build()
    print(f"clean build: {clean_s:.1f} s", flush=True)
    touched = ROOT / "examples" / args.example
    original = touched.read_text(encoding="utf-8")
    try:
        touched.write_text(original + "\n# touched by benchmarks/build.py\n", encoding="utf-8")
        rebuild_s = sphinx_build()
    finally:
        touched.write_text(original, encoding="utf-8")
    own = each[args.example]
    print(f"rebuild after touching {args.example}: {rebuild_s:.1f} s (its own run: {own:.1f} s)")
    page, page_bytes, total = page_sizes()
    slowest = sorted(each.items(), key=lambda kv: -kv[1])[:3]
    print()
    print("| measure | value | target | ratio / verdict |")
    print("|---|---|---|---|")
    print(
        f"| clean `docs` build vs floor ({floor_s:.0f} s) | {clean_s:.0f} s | <= 1.5 x floor "
        f"| {clean_s / floor_s:.2f} x |"
    )
    limit = 2 * own + 10
    print(
        f"| rebuild after touching `{args.example}` | {rebuild_s:.0f} s | <= 2 x {own:.1f} s "
        f"+ 10 s = {limit:.0f} s | {'met' if rebuild_s <= limit else 'missed'} |"
    )
    print(
        f"| largest page `{page}` | {page_bytes / 1e6:.2f} MB | <= 3 MB "
        f"| {'met' if page_bytes <= 3e6 else 'missed'} |"
    )
    print(f"| whole site | {total / 1e6:.1f} MB | | |")
    print()
    print("slowest examples (floor run): " + ", ".join(f"{n} {s:.1f} s" for n, s in slowest))


if __name__ == "__main__":
    main()
