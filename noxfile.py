"""Tasks for the EE4414 project. `nox -l` lists them; `nox -s NAME` runs one.

Every session installs PyTorch first, the version pinned in pyproject.toml's
[tool.ee4414] table: on Linux from PyTorch's CPU wheel index (macOS and Windows wheels on
the ordinary index are CPU builds already), so pip never fetches the multi-GB CUDA build.
`EE4414_TORCH_INDEX=URL` installs from another index (e.g. a CUDA one); an empty value
uses the ordinary index only. Environments are reused, and the install step is skipped
while pyproject.toml is unchanged, so a second run starts in seconds. Recreate an
environment with `nox -s NAME --reuse-venv=no` (or delete `.nox/`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
from collections.abc import Mapping
from pathlib import Path

import nox

nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_venv = "yes"
nox.options.error_on_external_run = True

ROOT = Path(__file__).parent
PYPROJECT = ROOT / "pyproject.toml"
DOCS = ROOT / "docs"
HTML = DOCS / "_build" / "html"
TOOL = nox.project.load_toml(PYPROJECT)["tool"]["ee4414"]
# everything a docs build generates inside the source tree
GENERATED = [
    DOCS / "_build",
    DOCS / "auto_examples",
    DOCS / "api" / "generated",
    DOCS / "generated",
    DOCS / "jupyter_execute",
    DOCS / "sg_execution_times.rst",
]


def torch_install_args(
    platform: str = sys.platform, env: Mapping[str, str] = os.environ
) -> list[str]:
    """pip arguments that install the pinned PyTorch: the CPU build on Linux.

    PyTorch's CPU index is an *extra* index: its `X+cpu` wheel satisfies `torch==X` and
    wins over the ordinary index's CUDA wheel of the same version.
    `EE4414_TORCH_INDEX` replaces it (a URL), or removes it (an empty value). One retry
    only: where that index cannot be reached, pip falls back to the other indexes at
    once instead of retrying for about ten seconds.
    """
    args = [f"torch=={TOOL['torch']}"]
    default = TOOL["torch-cpu-index"] if platform.startswith("linux") else ""
    index = env.get("EE4414_TORCH_INDEX", default).strip()
    if index:
        args += ["--extra-index-url", index, "--retries", "1"]
    return args


def _pip_has_groups(session: nox.Session) -> bool:
    """Whether the environment's pip reads [dependency-groups] itself (pip >= 25.1)."""
    out = session.run("python", "-m", "pip", "--version", silent=True) or ""
    m = re.search(r"pip (\d+)\.(\d+)", str(out))
    return bool(m) and (int(m.group(1)), int(m.group(2))) >= (25, 1)


def _install(session: nox.Session, *groups: str, extra: tuple[str, ...] = ()) -> None:
    """Install torch, the project (editable) and dependency groups, once per change.

    A stamp in the environment records what was installed; while pyproject.toml and the
    requested groups are the same, the install is skipped.
    """
    torch = torch_install_args()
    key = hashlib.sha256(PYPROJECT.read_bytes() + repr((torch, groups, extra)).encode()).hexdigest()
    stamp = Path(session.virtualenv.location) / ".ee4414-installed"
    if stamp.is_file() and stamp.read_text() == key:
        session.log("environment up to date (pyproject.toml unchanged): skipping install")
        return
    session.install(*torch)
    if _pip_has_groups(session):
        group_args = [arg for g in groups for arg in ("--group", g)]
    else:
        group_args = nox.project.dependency_groups(nox.project.load_toml(PYPROJECT), *groups)
    session.install("-e", ".", *group_args, *extra)
    stamp.write_text(key)


@nox.session
def tests(session: nox.Session) -> None:
    """Run the tests with coverage of src/ee4414 (fails under 95 %)."""
    _install(session, "test")
    session.run(
        "pytest",
        "--cov=ee4414",
        "--cov-report=term-missing",
        "--cov-fail-under=95",
        *session.posargs,
    )


@nox.session
def lint(session: nox.Session) -> None:
    """Lint and type-check: ruff check, ruff format --check, mypy (library, docs, tools, tests)."""
    # mypy follows the imports of docs/_ext, tools and tests: Sphinx, pytest, ... too
    _install(session, "lint", "test", "docs")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


def _docs_env(session: nox.Session) -> dict[str, str]:
    """Pass `-- PATTERN` on to conf.py, which then runs only the matching examples."""
    env = {"MPLBACKEND": "Agg"}
    if session.posargs:
        env["EE4414_GALLERY_PATTERN"] = session.posargs[0]
    return env


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site strictly into docs/_build/html; `-- PATTERN` reruns matching examples.

    Without a pattern the build starts clean and executes every example. With one, the
    previous build is reused and only the examples whose path matches PATTERN (a regular
    expression, e.g. `w2_1_6`) are executed again. `EE4414_KEEP_BUILD=1` keeps the
    previous build without a pattern: only examples whose source changed run again.
    """
    _install(session, "docs")
    # EE4414_KEEP_BUILD=1: keep what an earlier build left (CI restores it from a cache);
    # sphinx-gallery then runs only the examples whose source changed
    if not session.posargs and not os.environ.get("EE4414_KEEP_BUILD"):
        for path in GENERATED:
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    times = DOCS / "_build" / "source-times.json"
    if times.exists():  # a kept build: unchanged sources get back the times it saw
        session.run("python", str(ROOT / "tools" / "source_times.py"), "restore", str(times))
    session.run(
        "sphinx-build",
        "-W",
        "--keep-going",
        "-n",
        "-j",
        "auto",  # reading, writing and the gallery's examples on every core
        "-b",
        "html",
        str(DOCS),
        str(HTML),
        env=_docs_env(session),
    )
    session.run("python", str(ROOT / "tools" / "check_site.py"), str(HTML))
    session.run("python", str(ROOT / "tools" / "source_times.py"), "save", str(times))
    session.log(f"site built: open {HTML / 'index.html'}")


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000, rebuilt on every change (`-- PATTERN` too)."""
    _install(session, "docs", extra=("sphinx-autobuild",))
    session.run(
        "sphinx-autobuild",
        "-j",
        "auto",
        str(DOCS),
        str(HTML),
        "--host",
        os.environ.get("EE4414_SERVE_HOST", "127.0.0.1"),
        "--port",
        os.environ.get("EE4414_SERVE_PORT", "8000"),
        "--watch",
        str(ROOT / "src"),
        "--watch",
        str(ROOT / "examples"),
        # what a build writes into docs/ must not trigger the next build
        "--re-ignore",
        r"(auto_examples|generated|jupyter_execute|\.jupyter_cache)[/\\]|sg_execution_times",
        env=_docs_env(session),
    )


@nox.session
def build(session: nox.Session) -> None:
    """Build the sdist and wheel into dist/ and check their metadata (twine check)."""
    session.install("build", "twine")
    shutil.rmtree(ROOT / "dist", ignore_errors=True)
    session.run("python", "-m", "build", "--outdir", str(ROOT / "dist"), str(ROOT))
    dists = sorted(str(p) for p in (ROOT / "dist").iterdir())
    session.run("twine", "check", "--strict", *dists)


def _need_site(session: nox.Session) -> None:
    if not (HTML / "index.html").is_file():
        session.error(f"no built site at {HTML}: run `nox -s docs` first")


@nox.session(default=False)
def notebooks(session: nox.Session) -> None:
    """Run every downloadable notebook (solutions and solved exercises) in a fresh kernel."""
    _install(session, "test")
    _need_site(session)
    jobs = os.environ.get("EE4414_NOTEBOOK_JOBS", str(min(4, os.cpu_count() or 1)))
    session.run("python", str(ROOT / "tools" / "run_notebooks.py"), str(HTML), "--jobs", jobs)


@nox.session(default=False)
def student(session: nox.Session) -> None:
    """Run the downloads as a student would: a fresh torch-only venv, the site served locally.

    The site must have been built for the local server, e.g.
    `EE4414_SITE_URL=http://127.0.0.1:8765/ nox -s docs`. Every solution notebook, every
    exercise notebook (answers filled in), each week's zip offline and one script a week
    run in a new virtual environment that has only what Colab has (no ee4414).
    """
    _install(session, "test")
    _need_site(session)
    jobs = os.environ.get("EE4414_NOTEBOOK_JOBS", str(min(4, os.cpu_count() or 1)))
    session.run(
        "python",
        str(ROOT / "tools" / "student_check.py"),
        str(HTML),
        "--jobs",
        jobs,
        "--torch",
        " ".join(torch_install_args()),
        *session.posargs,
    )


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """Every built page in headless Chromium: loads, axe-core (light, dark), 390-px layout."""
    _install(session, "test", extra=("playwright>=1.40",))
    _need_site(session)
    if not Path("/usr/bin/chromium").exists():
        # Debian's Chromium; Playwright's own browser download is not used
        session.run("apt-get", "update", "-qq", external=True)
        session.run("apt-get", "install", "-y", "-qq", "chromium", external=True)
    axe = ROOT / "tools" / "axe"
    if not (axe / "node_modules" / "axe-core" / "axe.min.js").is_file():
        # axe-core, pinned by tools/axe/package-lock.json, from npm (never a CDN)
        session.run("npm", "ci", "--prefix", str(axe), "--no-audit", "--no-fund", external=True)
    session.run(
        "python",
        str(ROOT / "tools" / "browser_check.py"),
        str(HTML),
        "--shots",
        str(DOCS / "_build" / "screenshots"),
    )
