"""How fast the site builds, against its physical limit, and how big it is.

Run it in the docs environment (after one `nox -s docs`), from the repository root::

    .nox/docs/bin/python benchmarks/build.py [--example week2/plot_w2_1_6_train_100_epochs.py]
                                             [--repeat 3]

It measures, on this machine, each time the median of ``--repeat`` runs:

1. the **floor**: every example script run once, one after the other, in one Python
   process (imports paid once, as in the build), and a **clean build** (`sphinx-build`
   as `nox -s docs` runs it, every generated file removed first), with where its time
   goes (start-up, gallery, reading, writing, finishing: read from Sphinx's own log
   lines as they appear). Target: build <= 2.5 x floor.
2. the **rebuild** after touching one example, against that example's own run time as a
   script in a fresh process (``python example.py``: what a student waits for).
   Target: rebuild <= run time + 3 s.
3. the **CI rebuild**: a fresh clone (every source file new, as a CI checkout is) with
   the last build's outputs restored, as the Pages workflow's cache does, one example
   touched, built as ``EE4414_KEEP_BUILD=1 nox -s docs`` would. Target: <= 1.5 x the
   local rebuild.
4. the **largest page** (HTML plus the images it embeds inline) and the site's size.
   Target: no page over 3 MB.

It prints a Markdown table for benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import runpy
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
GENERATED = ["_build", "auto_examples", "api/generated", "generated", "jupyter_execute"]
SPHINX = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-j", "auto", "-b", "html"]
ENV = {**os.environ, "MPLBACKEND": "Agg"}

# The first log line of each phase of a build, in order (Sphinx 9, sphinx-gallery 0.22).
PHASES = {
    "start-up (imports, extensions, configuration)": "generating gallery",
    "gallery (examples, their figures and notebooks)": "updating environment",
    "reading (every page; no kernel: the MyST pages need none)": "pickling environment",
    "writing (HTML, furo's navigation)": "dumping object inventory",
    "finishing (exercise notebooks, zips, checks)": None,  # to the end of the process
}


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


def script_run(path: Path) -> float:
    """Run one example as a script in a fresh Python process; return its wall time."""
    start = time.perf_counter()
    subprocess.run([sys.executable, str(path)], check=True, env=ENV, capture_output=True)
    return time.perf_counter() - start


def sphinx_build(root: Path = ROOT) -> tuple[float, dict[str, float]]:
    """Run the build as `nox -s docs` does; return its wall time and its phases' times."""
    start = time.perf_counter()
    marks: dict[str, float] = {}
    docs = root / "docs"
    proc = subprocess.Popen(
        [*SPHINX, str(docs), str(docs / "_build" / "html")],
        cwd=root,
        env={**ENV, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        lines.append(line)
        if line.startswith(("updating environment:", "building [", "Sphinx-Gallery successfully")):
            print("   ", line.rstrip(), flush=True)  # what the build found to do
        for marker in PHASES.values():
            if marker and marker not in marks and line.startswith(marker):
                marks[marker] = time.perf_counter() - start
    if proc.wait() != 0:
        sys.exit("sphinx-build failed:\n" + "".join(lines[-30:]))
    total = time.perf_counter() - start
    phases, previous = {}, 0.0
    for name, marker in PHASES.items():
        end = marks.get(marker, total) if marker else total
        phases[name] = end - previous
        previous = end
    return total, phases


_EXAMPLE_TIME = re.compile(r"\(``\.\./examples/(week\d+/plot_\w+\.py)``\)\n\s*- (\d+):([\d.]+)")


def write_times() -> None:
    """Save each example's time in the last build (figures and players included)."""
    text = (DOCS / "sg_execution_times.rst").read_text(encoding="utf-8")
    times = {m[1]: round(int(m[2]) * 60 + float(m[3]), 2) for m in _EXAMPLE_TIME.finditer(text)}
    path = DOCS / "_ext" / "example_times.json"
    path.write_text(json.dumps(dict(sorted(times.items())), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(times)} examples' build times to {path.relative_to(ROOT)}")


def ci_rebuild(example: str, repeat: int) -> list[float]:
    """Rebuilds as the Pages workflow makes them: a fresh checkout, the cache, one change.

    A clone at a fixed path is built once from nothing and its outputs (with the source
    times recorded by ``tools/source_times.py``) are put aside, as the workflow's cache
    saves them. Each run then deletes the clone, clones again at the same path (as every
    CI run checks out into the same folder), changes the example, restores the outputs
    and the unchanged sources' times, and builds.
    """
    sys.path.insert(0, str(ROOT / "tools"))
    import source_times

    cached = [*GENERATED, "sg_execution_times.rst"]  # what the workflow's cache keeps
    with tempfile.TemporaryDirectory() as tmp:
        clone, cache = Path(tmp) / "repo", Path(tmp) / "cache"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        sphinx_build(clone)
        source_times.save(clone / "docs" / "_build" / "source-times.json", clone)
        for name in cached:
            if (clone / "docs" / name).exists():
                (cache / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.move(clone / "docs" / name, cache / name)
        times = []
        for i in range(repeat):
            shutil.rmtree(clone)
            subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
            touched = clone / "examples" / example
            touched.write_text(touched.read_text(encoding="utf-8") + f"\n# changed in CI ({i})\n")
            for name in cached:
                if (cache / name).is_dir():
                    shutil.copytree(cache / name, clone / "docs" / name)  # copy2: times kept
                elif (cache / name).is_file():
                    shutil.copy2(cache / name, clone / "docs" / name)
            start = time.perf_counter()
            source_times.restore(clone / "docs" / "_build" / "source-times.json", clone)
            sphinx_build(clone)
            times.append(time.perf_counter() - start)
            print(f"CI rebuild from the cache: {times[-1]:.1f} s", flush=True)
        return times


def page_sizes() -> tuple[str, int, int]:
    """The largest HTML page (name, bytes) and the total size of the site in bytes."""
    pages = {p: p.stat().st_size for p in HTML.rglob("*.html")}
    largest = max(pages, key=pages.__getitem__)
    total = sum(p.stat().st_size for p in HTML.rglob("*") if p.is_file())
    return largest.relative_to(HTML).as_posix(), pages[largest], total


def median_phases(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: statistics.median(run[name] for run in runs) for name in PHASES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--example", default="week2/plot_w2_1_6_train_100_epochs.py")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement")
    parser.add_argument(
        "--write-times",
        action="store_true",
        help="save each example's time in the clean build to docs/_ext/example_times.json "
        "(the gallery starts each week's longest examples first)",
    )
    parser.add_argument(
        "--ci-only", action="store_true", help="measure only the CI rebuild from the cache"
    )
    args = parser.parse_args()
    if args.ci_only:
        ci_rebuild(args.example, args.repeat)
        return
    examples = sorted((ROOT / "examples").glob("week*/plot_*.py"))
    touched = ROOT / "examples" / args.example

    floors = [floor(examples) for _ in range(args.repeat)]
    floor_s = statistics.median(total for total, _ in floors)
    own = statistics.median(each[args.example] for _, each in floors)
    print(f"floor: {len(examples)} examples in one process: {floor_s:.1f} s", flush=True)
    script_s = statistics.median(script_run(touched) for _ in range(args.repeat))
    print(f"{args.example} as a script: {script_s:.1f} s (in the floor: {own:.2f} s)")

    cleans, clean_phases = [], []
    for _ in range(args.repeat):
        for name in GENERATED:
            shutil.rmtree(DOCS / name, ignore_errors=True)
        total, phases = sphinx_build()
        cleans.append(total)
        clean_phases.append(phases)
        print(f"clean build: {total:.1f} s", flush=True)
    clean_s = statistics.median(cleans)
    if args.write_times:
        write_times()

    original = touched.read_text(encoding="utf-8")
    rebuilds = []
    try:
        for i in range(args.repeat):  # a different text each time, so the example reruns
            touched.write_text(original + f"\n# touched by benchmarks/build.py ({i})\n")
            rebuilds.append(sphinx_build()[0])
            print(f"rebuild after touching {args.example}: {rebuilds[-1]:.1f} s", flush=True)
    finally:
        touched.write_text(original, encoding="utf-8")
    rebuild_s = statistics.median(rebuilds)
    ci_s = statistics.median(ci_rebuild(args.example, args.repeat))
    page, page_bytes, total = page_sizes()

    def verdict(ok: bool) -> str:
        return "met" if ok else "**missed**"

    print()
    print(f"Medians of {args.repeat} runs.")
    print()
    print("| measure | value | target | ratio / verdict |")
    print("|---|---|---|---|")
    print(f"| floor: all {len(examples)} scripts once, in one process | {floor_s:.1f} s | | |")
    print(
        f"| clean `docs` build | {clean_s:.1f} s | <= 2.5 x floor = {2.5 * floor_s:.1f} s "
        f"| {clean_s / floor_s:.2f} x: {verdict(clean_s <= 2.5 * floor_s)} |"
    )
    print(
        f"| rebuild after touching `{args.example}`, against its run as a script "
        f"({script_s:.2f} s; {own:.2f} s in the floor process) | {rebuild_s:.1f} s | "
        f"<= {script_s:.2f} s + 3 s = {script_s + 3:.1f} s | {verdict(rebuild_s <= script_s + 3)} |"
    )
    print(
        f"| CI rebuild from the cache, the same example touched | {ci_s:.1f} s | "
        f"<= 1.5 x {rebuild_s:.1f} s = {1.5 * rebuild_s:.1f} s | "
        f"{ci_s / rebuild_s:.2f} x: {verdict(ci_s <= 1.5 * rebuild_s)} |"
    )
    print(
        f"| largest page, `{page}` | {page_bytes / 1e6:.2f} MB | <= 3 MB "
        f"| {verdict(page_bytes <= 3e6)} |"
    )
    print(f"| whole site | {total / 1e6:.1f} MB | | |")
    print()
    print("Where the clean build's time goes:")
    print()
    print("| phase | seconds | share |")
    print("|---|---|---|")
    for name, seconds in median_phases(clean_phases).items():
        print(f"| {name} | {seconds:.1f} | {seconds / clean_s:.0%} |")
    slowest = sorted(floors[0][1].items(), key=lambda kv: -kv[1])[:3]
    print()
    print("slowest examples (floor run): " + ", ".join(f"{n} {s:.1f} s" for n, s in slowest))


if __name__ == "__main__":
    main()
