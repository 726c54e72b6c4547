"""Run every downloadable notebook of the built site in a fresh Jupyter kernel.

Two kinds of notebook are offered for each example:

- the **solution**, sphinx-gallery's download (``_downloads/**/plot_*.ipynb``), run as is;
- the **exercise** (``exercises/weekN/*_exercise.ipynb``), run the way a student who has
  answered it would: with the answers back in place of the ``# TODO`` scaffolds, so its
  self-check cell must print ``correct``.

Each notebook runs in its own kernel (the first cell finds ``ee4414`` installed and
skips the pip install), several at a time. A failure names the notebook and the cell.

    python tools/run_notebooks.py docs/_build/html [--jobs 2] [--pattern w2_]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))


def solved_exercise(exercise_path: Path) -> dict:
    """The exercise notebook with its answers restored (and its self-check cell kept)."""
    import ee4414_exercises as nbx

    stem = exercise_path.stem.removesuffix("_exercise")
    src = ROOT / "examples" / exercise_path.parent.name / f"{stem}.py"
    notebook = json.loads(exercise_path.read_text(encoding="utf-8"))
    first_cell = "".join(notebook["cells"][0]["source"])
    conf = nbx.notebook_conf(first_cell, src.parent)
    return nbx.example_notebook(src, conf, exercise=False)


def cell_error(cells: Iterable[Mapping[str, Any]]) -> str:
    """Where a failed notebook failed: ``cell N: ErrorName: message`` of its first error.

    ``cells`` are the executed notebook's cells; the error is read from the first
    ``error`` output, the one that stopped the run.
    """
    for i, cell in enumerate(cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return f"cell {i}: {output.get('ename')}: {output.get('evalue')}"
    return "no cell has an error output"


def self_check_failure(cells: Iterable[Mapping[str, Any]]) -> str | None:
    """Why a solved exercise's self-check failed, or None when it printed ``correct``."""
    text = "".join(
        output.get("text", "")
        for cell in cells
        if cell.get("cell_type") == "code"
        for output in cell.get("outputs", [])
    )
    if ": correct" not in text or ": not yet" in text:
        return "the self-check did not print 'correct'"
    return None


def summary(total: int, failures: list[str]) -> int:
    """Print how many of ``total`` runs passed and each failure; the exit status."""
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    for line in failures:
        print(f"  {line}")
    return 1 if failures else 0


def run_one(kind: str, path: str) -> tuple[str, str, float, str | None]:
    """Execute one notebook; return (kind, name, seconds, error or None)."""
    import nbclient
    import nbformat

    start = time.perf_counter()
    p = Path(path)
    raw = solved_exercise(p) if kind == "exercise" else json.loads(p.read_text(encoding="utf-8"))
    notebook = nbformat.reads(json.dumps(raw), as_version=4)
    env_cwd = tempfile.mkdtemp(prefix="ee4414-nb-")
    client = nbclient.NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": env_cwd}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no notice about local TCP
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError:
        return kind, p.name, time.perf_counter() - start, cell_error(notebook.cells)
    except Exception as err:  # a kernel that dies or times out
        return kind, p.name, time.perf_counter() - start, f"{type(err).__name__}: {err}"
    error = self_check_failure(notebook.cells) if kind == "exercise" else None
    return kind, p.name, time.perf_counter() - start, error


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built site, e.g. docs/_build/html")
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--pattern", default="", help="only notebooks whose name contains this")
    args = parser.parse_args()
    solutions = sorted(args.html.glob("_downloads/*/plot_*.ipynb"))
    exercises = sorted(args.html.glob("exercises/week*/plot_*_exercise.ipynb"))
    jobs = [("solution", p) for p in solutions] + [("exercise", p) for p in exercises]
    jobs = [(k, p) for k, p in jobs if args.pattern in p.name]
    if not solutions or not exercises:
        print(f"no notebooks under {args.html}: build the site first (nox -s docs)")
        return 1
    print(f"running {len(jobs)} notebooks in fresh kernels, {args.jobs} at a time")
    # the course's tensors are tiny: one thread per kernel beats kernels fighting over cores
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    failures = []
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_one, kind, str(path)) for kind, path in jobs]
        for future in as_completed(futures):
            kind, name, seconds, error = future.result()
            status = "ok" if error is None else f"FAILED ({error})"
            print(f"{kind:8} {name:60} {seconds:6.1f} s  {status}", flush=True)
            if error is not None:
                failures.append(f"{kind} {name}: {error}")
    return summary(len(jobs), failures)


if __name__ == "__main__":
    sys.exit(main())
