"""Run what a student downloads, where a student runs it: a Python without ee4414.

The check takes a built site (built for a local address, see below) and:

1. makes a fresh virtual environment holding only what Google Colab has for these
   notebooks (torch, numpy, matplotlib, tqdm, ipykernel; **no** ee4414), with a Jupyter
   kernel for it;
2. serves the site on 127.0.0.1 with Python's ``http.server``;
3. runs, in that environment: every solution notebook as downloaded (ee4414 uninstalled
   before the first notebook of each week, so the first cell really installs it from the
   site), every exercise notebook with its answers filled back in (its self-check must
   print *correct*), and one downloaded script per week, after the install command that
   the getting-started page shows;
4. stops the server and unpacks each week's zips: the first cell must install the wheel
   that came in the zip, with pip allowed no index at all;
5. checks that the installed ee4414 is the site's version, and that torch was never
   reinstalled.

The site's notebooks install from the address the site was built for, so build it for
the local server first::

    EE4414_SITE_URL=http://127.0.0.1:8765/ nox -s docs
    nox -s student          # python tools/student_check.py docs/_build/html --jobs 2
    nox -s student -- --pattern w2_1_3   # a quick run: each week's first notebook, and these
"""

from __future__ import annotations

import argparse
import functools
import html
import http.server
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from run_notebooks import cell_error, self_check_failure, solved_exercise, summary

# what Colab has preinstalled that these notebooks use (besides torch)
COLAB = ["numpy", "matplotlib", "tqdm", "ipykernel"]
KERNEL = "ee4414-student"
SITE = re.compile(r'^EE4414_SITE = "(?P<url>[^"]+)"$', re.M)
LOCAL = re.compile(r"^http://127\.0\.0\.1:(?P<port>\d+)/$")
WEEK = re.compile(r"^plot_w(\d+)_")
INSTALL_COMMAND = re.compile(r"pip install (http://127\.0\.0\.1:\d+/wheels/\S+\.whl)")


@dataclass
class Result:
    """One thing a student runs, and how it went."""

    kind: str
    name: str
    seconds: float
    error: str | None = None
    first_cell: str = ""
    first_cell_seconds: float = 0.0


@dataclass
class Student:
    """The student's Python: a fresh virtual environment and a Jupyter kernel for it."""

    home: Path
    python: Path = field(init=False)
    jupyter_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.python = self.home / "venv" / "bin" / "python"
        self.jupyter_path = self.home / "jupyter"

    def create(self, torch_args: list[str]) -> None:
        subprocess.run([sys.executable, "-m", "venv", str(self.home / "venv")], check=True)
        self.pip("install", "--quiet", "--upgrade", "pip")
        self.pip("install", "--quiet", *torch_args, *COLAB)
        subprocess.run(
            [
                str(self.python),
                "-m",
                "ipykernel",
                "install",
                "--prefix",
                str(self.jupyter_path),
                "--name",
                KERNEL,
                "--display-name",
                "student (no ee4414)",
            ],
            check=True,
            capture_output=True,
        )

    def pip(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            [str(self.python), "-m", "pip", "--disable-pip-version-check", *args],
            capture_output=True,
            text=True,
            env=env,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pip {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def uninstall_ee4414(self) -> None:
        self.pip("uninstall", "--yes", "--quiet", "ee4414")

    def install_old_ee4414(self, version: str = "0.0.9") -> None:
        """Install a stand-in for an older ee4414, as a reused Colab runtime may have."""
        project = self.home / "old-ee4414"
        (project / "ee4414").mkdir(parents=True, exist_ok=True)
        (project / "ee4414" / "__init__.py").write_text(f'__version__ = "{version}"\n')
        (project / "pyproject.toml").write_text(
            '[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n'
            f'[project]\nname = "ee4414"\nversion = "{version}"\n'
        )
        hook = "import sys, hatchling.build as b; print(b.build_wheel(sys.argv[1]))"
        out = subprocess.run(
            [sys.executable, "-c", hook, str(project / "dist")],
            cwd=project,
            capture_output=True,
            text=True,
            check=True,
        )
        self.pip("install", "--quiet", str(project / "dist" / out.stdout.split()[-1]))

    def version(self, package: str) -> str | None:
        code = (
            "import importlib.metadata as m, sys\n"
            "try: print(m.version(sys.argv[1]))\n"
            "except m.PackageNotFoundError: print('')\n"
        )
        out = subprocess.run(
            [str(self.python), "-c", code, package], capture_output=True, text=True, check=True
        )
        return out.stdout.strip() or None

    def torch_fingerprint(self) -> tuple[str, int]:
        """torch's version and its installed files' modification time: a reinstall changes it."""
        code = (
            "import importlib.metadata as m\n"
            "d = m.distribution('torch')\n"
            "print(d.version, d.locate_file(d.files[0]).stat().st_mtime_ns)\n"
        )
        out = subprocess.run(
            [str(self.python), "-c", code], capture_output=True, text=True, check=True
        )
        version, mtime = out.stdout.split()
        return version, int(mtime)


@contextmanager
def serve(site: Path, port: int) -> Iterator[None]:
    """Serve ``site`` on 127.0.0.1:``port`` while the block runs."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # one line per request is noise
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


def execute(
    kind: str, name: str, notebook: dict, cwd: Path, *, first_cell_only: bool = False
) -> Result:
    """Run a notebook in the student's kernel, with ``cwd`` as its folder."""
    import nbclient
    import nbformat

    nb = nbformat.reads(json.dumps(notebook), as_version=4)
    if first_cell_only:
        nb.cells = nb.cells[:1]
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name=KERNEL,
        resources={"metadata": {"path": str(cwd)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
    )
    start = time.perf_counter()
    error = None
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError:
        error = cell_error(nb.cells)
    except Exception as err:  # a kernel that dies or times out
        error = f"{type(err).__name__}: {err}"
    result = Result(kind, name, time.perf_counter() - start, error)
    first = nb.cells[0]
    result.first_cell = "".join(o.get("text", "") for o in first.get("outputs", []))
    timing = first.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
        from datetime import datetime

        t0 = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
        t1 = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
        result.first_cell_seconds = (t1 - t0).total_seconds()
    if result.error is None and kind == "exercise":
        result.error = self_check_failure(nb.cells)
    return result


def run_job(kind: str, path: str, cwd: str) -> Result:
    """Run one downloaded notebook (an exercise with its answers filled back in)."""
    p = Path(path)
    nb = solved_exercise(p) if kind == "exercise" else json.loads(p.read_text(encoding="utf-8"))
    return execute(kind, p.name, nb, Path(cwd))


def expect_install(result: Result, version: str, source: str) -> Result:
    """Fail ``result`` unless its first cell installed ee4414 ``version`` from ``source``."""
    line = result.first_cell.strip()
    wanted = f"Installed ee4414 {version}"
    if result.error is None and not (line.startswith(wanted) and source in line):
        result.error = f"the first cell did not install from {source}: {line!r}"
    return result


def report(result: Result) -> Result:
    status = "ok" if result.error is None else f"FAILED ({result.error})"
    print(f"{result.kind:9} {result.name:58} {result.seconds:6.1f} s  {status}", flush=True)
    return result


def week_of(path: Path) -> int:
    match = WEEK.match(path.name)
    if match is None:
        raise ValueError(f"{path.name}: not a week's example")
    return int(match.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built site, e.g. docs/_build/html")
    parser.add_argument("--jobs", type=int, default=2, help="notebooks run at a time")
    parser.add_argument("--torch", default="torch", help="pip arguments that install torch")
    parser.add_argument("--keep", action="store_true", help="keep the student's venv")
    parser.add_argument(
        "--pattern", default="", help="besides each week's first, only notebooks matching this"
    )
    args = parser.parse_args()
    site: Path = args.html.resolve()

    solutions = sorted(site.glob("_downloads/*/plot_*.ipynb"), key=lambda p: p.name)
    exercises = sorted(site.glob("exercises/week*/plot_*_exercise.ipynb"))
    scripts = sorted(site.glob("_downloads/*/plot_*.py"), key=lambda p: p.name)
    sums = (site / "wheels" / "SHA256SUMS").read_text(encoding="utf-8").split()
    wheel_name = sums[1]
    version = wheel_name.split("-")[1]
    first = "".join(json.loads(solutions[0].read_text(encoding="utf-8"))["cells"][0]["source"])
    site_url = SITE.search(first)
    local = LOCAL.match(site_url.group("url")) if site_url else None
    if local is None:
        found = site_url.group("url") if site_url else "no address"
        print(
            f"the notebooks install from {found}, not from a local server: build the site "
            "for one first, e.g. EE4414_SITE_URL=http://127.0.0.1:8765/ nox -s docs"
        )
        return 1
    port = int(local.group("port"))
    page = (site / "getting-started.html").read_text(encoding="utf-8")
    command = INSTALL_COMMAND.search(html.unescape(re.sub(r"<[^>]+>", "", page)))
    if command is None:
        print("getting-started.html shows no `pip install <site>/wheels/...whl` command")
        return 1
    weeks = sorted({week_of(p) for p in solutions})

    home = Path(tempfile.mkdtemp(prefix="ee4414-student-"))
    student = Student(home)
    start = time.perf_counter()
    student.create(shlex.split(args.torch))
    print(
        f"student venv with {', '.join(['torch', *COLAB])} and no ee4414: "
        f"{time.perf_counter() - start:.0f} s"
    )
    os.environ["JUPYTER_PATH"] = str(student.jupyter_path / "share" / "jupyter")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ["MPLBACKEND"] = "Agg"
    torch_before = student.torch_fingerprint()
    results: list[Result] = []
    work = home / "work"
    work.mkdir()
    wheel_url = f"{local.group(0)}wheels/{wheel_name}"

    with serve(site, port):
        # the first notebook of each week installs ee4414 from the site ...
        # (the first week starts from an older ee4414, as a reused Colab runtime might)
        rest = []
        for week in weeks:
            in_week = [p for p in solutions if week_of(p) == week]
            student.uninstall_ee4414()
            if week == weeks[0]:
                student.install_old_ee4414("0.0.9")
            nb = json.loads(in_week[0].read_text(encoding="utf-8"))
            result = execute("solution", in_week[0].name, nb, work)
            results.append(report(expect_install(result, version, wheel_url)))
            if week == weeks[0] and "in place of 0.0.9" not in result.first_cell:
                result.error = f"0.0.9 was not reported as replaced: {result.first_cell!r}"
            rest += [("solution", p) for p in in_week[1:]]
        rest += [("exercise", p) for p in exercises]
        rest = [(kind, p) for kind, p in rest if re.search(args.pattern, p.name)]

        # ... and the others find it installed
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(run_job, kind, str(path), str(work)) for kind, path in rest]
            results += [report(f.result()) for f in futures]

        # a downloaded script, after the install command that getting-started shows
        student.uninstall_ee4414()
        student.pip("install", "--quiet", command.group(1))
        for week in weeks:
            script = next(p for p in scripts if week_of(p) == week)
            t0 = time.perf_counter()
            done = subprocess.run(
                [str(student.python), str(script)], cwd=work, capture_output=True, text=True
            )
            lines = done.stderr.strip().splitlines() or ["exit status " + str(done.returncode)]
            error = None if done.returncode == 0 else lines[-1]
            results.append(report(Result("script", script.name, time.perf_counter() - t0, error)))

    # offline: the server is stopped, and pip may use no index at all
    offline = {"PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull}
    saved = {k: os.environ.get(k) for k in offline}
    os.environ.update(offline)
    try:
        for zip_path in sorted(site.glob("exercises/week*-*.zip")):
            unpacked = home / "zips"
            with zipfile.ZipFile(zip_path) as zf:
                zf.extractall(unpacked)
            folder = unpacked / zip_path.stem
            student.uninstall_ee4414()
            notebook = sorted(folder.glob("*.ipynb"))[0]
            nb = json.loads(notebook.read_text(encoding="utf-8"))
            result = execute(
                "zip", zip_path.name, nb, folder, first_cell_only="exercises" in zip_path.stem
            )
            if result.error is None and not (folder / "README.txt").is_file():
                result.error = "no README.txt in the zip"
            results.append(report(expect_install(result, version, str(folder / wheel_name))))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    # the site unreachable and no wheel beside the notebook: one plain sentence
    student.uninstall_ee4414()
    nb = json.loads(solutions[0].read_text(encoding="utf-8"))
    result = execute("offline", "first cell, site unreachable", nb, work, first_cell_only=True)
    said = result.error or ""
    if "SetupError: Could not install ee4414" in said and wheel_url in said:
        result.error = None
    else:
        result.error = f"expected a one-line SetupError naming {wheel_url}; got {said!r}"
    results.append(report(result))
    student.pip("install", "--quiet", str(site / "wheels" / wheel_name))

    installed = student.version("ee4414")
    problems = [f"{r.kind} {r.name}: {r.error}" for r in results if r.error]
    if installed != version:
        problems.append(f"the student's ee4414 is {installed}, the site's is {version}")
    if student.torch_fingerprint() != torch_before:
        problems.append("torch was reinstalled or upgraded by a notebook's first cell")

    firsts = [r.first_cell_seconds for r in results if r.first_cell.startswith("Installed")]
    by_kind: dict[str, list[Result]] = {}
    for r in results:
        by_kind.setdefault(r.kind, []).append(r)
    print()
    for kind, rs in by_kind.items():
        ok = sum(r.error is None for r in rs)
        print(f"{kind:9} {ok}/{len(rs)} passed")
    if firsts:
        print(
            f"first cell, installing ee4414: {min(firsts):.1f}-{max(firsts):.1f} s "
            f"({len(firsts)} installs); ee4414 {installed}; torch {torch_before[0]} untouched"
        )
    if not args.keep:
        import shutil

        shutil.rmtree(home, ignore_errors=True)
    else:
        print(f"student venv kept in {home}")
    return summary(len(results), problems)


if __name__ == "__main__":
    sys.exit(main())
