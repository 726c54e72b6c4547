"""Run every downloadable notebook of the built site in a fresh Jupyter kernel.

Two kinds of notebook are offered for each example:

- the **solution**, sphinx-gallery's download (``_downloads/**/plot_*.ipynb``), run as is;
- the **exercise** (``exercises/weekN/*_exercise.ipynb``), run the way a student who has
  answered it would: with the answers back in place of the ``# TODO`` scaffolds, so its
  self-check cell must print ``correct``.

Each notebook runs in its own kernel (the first cell finds ``ee4414`` installed and
skips the pip install), several at a time. A failure names the notebook and the cell.

    python docs/_ext/run_notebooks.py docs/_build/html [--jobs 2] [--pattern w2_]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))


def solved_exercise(exercise_path: Path) -> dict:
    """The exercise notebook with its answers restored (and its self-check cell kept)."""
    import ee4414_exercises as nbx

    stem = exercise_path.stem.removesuffix("_exercise")
    src = ROOT / "examples" / exercise_path.parent.name / f"{stem}.py"
    notebook = json.loads(exercise_path.read_text(encoding="utf-8"))
    first_cell = "".join(notebook["cells"][0]["source"])
    conf = nbx.notebook_conf(first_cell, src.parent)
    return nbx.example_notebook(src, conf, exercise=False)


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
    except nbclient.exceptions.CellExecutionError as err:
        cell = next(
            (
                i
                for i, c in enumerate(notebook.cells)
                if any(o.get("output_type") == "error" for o in c.get("outputs", []))
            ),
            None,
        )
        first_line = str(err).strip().splitlines()[-1] if str(err).strip() else repr(err)
        return kind, p.name, time.perf_counter() - start, f"cell {cell}: {first_line}"
    except Exception as err:  # a kernel that dies or times out
        return kind, p.name, time.perf_counter() - start, f"{type(err).__name__}: {err}"
    if kind == "exercise":
        text = "".join(
            o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs
        )
        if ": correct" not in text or ": not yet" in text:
            return (
                kind,
                p.name,
                time.perf_counter() - start,
                "the self-check did not print 'correct'",
            )
    return kind, p.name, time.perf_counter() - start, None


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
    passed = len(jobs) - len(failures)
    print(f"{passed} passed, {len(failures)} failed")
    for line in failures:
        print(f"  {line}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
