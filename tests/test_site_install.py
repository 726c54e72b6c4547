"""How a student gets the library: the site's address, its wheel, the notebooks' first cell.

The end-to-end proof (a fresh torch-only venv running every download against the served
site) is `nox -s student`; these tests pin down the pieces it is built from.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_exercises as nbx  # noqa: E402
import ee4414_wheel  # noqa: E402
from ee4414_hosting import DEFAULT_GITHUB, Hosting, hosting, pages_url  # noqa: E402
from ee4414_install import install_cell, wheel_name  # noqa: E402

import ee4414  # noqa: E402

SITE = "https://someone.github.io/ee4414-fork/"


# -- where the site lives ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, Hosting("https://ee4414.github.io/ee4414/", DEFAULT_GITHUB)),
        (
            {"GITHUB_REPOSITORY": "Someone/ee4414-fork"},
            Hosting("https://someone.github.io/ee4414-fork/", "Someone/ee4414-fork"),
        ),
        (  # a user site is published at the domain's root
            {"GITHUB_REPOSITORY": "someone/someone.github.io"},
            Hosting("https://someone.github.io/", "someone/someone.github.io"),
        ),
        (
            {
                "READTHEDOCS_CANONICAL_URL": "https://ee4414.readthedocs.io/en/latest",
                "READTHEDOCS_GIT_CLONE_URL": "https://github.com/uni/ee4414.git",
            },
            Hosting("https://ee4414.readthedocs.io/en/latest/", "uni/ee4414"),
        ),
        (  # set by hand, it wins over what CI says
            {
                "EE4414_SITE_URL": "http://127.0.0.1:8765",
                "EE4414_GITHUB": "me/course",
                "GITHUB_REPOSITORY": "other/repo",
            },
            Hosting("http://127.0.0.1:8765/", "me/course"),
        ),
    ],
)
def test_hosting_comes_from_one_setting(env, expected):
    assert hosting(env) == expected


def test_hosting_rejects_a_malformed_setting():
    with pytest.raises(ValueError, match=r"EE4414_GITHUB must be OWNER/REPO .* got 'course'"):
        hosting({"EE4414_GITHUB": "course"})
    with pytest.raises(ValueError, match=r"EE4414_SITE_URL must be an http\(s\) address"):
        hosting({"EE4414_SITE_URL": "file:///tmp/site"})


def test_pages_url_and_site_paths():
    assert pages_url("a/b") == "https://a.github.io/b/"
    assert Hosting(SITE, "a/b").url("/wheels/index.html") == SITE + "wheels/index.html"


# -- the first cell of every notebook -------------------------------------------------------
def _cell_namespace(tmp_path, monkeypatch, installed, pip_returncode=0, pip_error=""):
    """Run the set-up cell's definitions with pip and the installed version faked."""
    calls = []

    def fake_version(name):
        if installed is None:
            raise importlib.metadata.PackageNotFoundError(name)
        return installed

    def fake_run(args, **kwargs):
        calls.append(args)
        return SimpleNamespace(returncode=pip_returncode, stdout="", stderr=pip_error)

    monkeypatch.setattr(importlib.metadata, "version", fake_version)
    monkeypatch.setattr(subprocess, "run", fake_run)
    monkeypatch.chdir(tmp_path)
    code = install_cell("0.1.0", SITE).replace("print(install_ee4414())\n", "")
    code = code.replace("%matplotlib inline\n", "")
    namespace: dict = {}
    exec(compile(code, "<first cell>", "exec"), namespace)
    return namespace, calls


def test_first_cell_is_python_plus_one_magic():
    cell = install_cell("0.1.0", SITE)
    assert cell.splitlines()[-1] == "%matplotlib inline"
    compile(cell.replace("%matplotlib inline", ""), "<cell>", "exec")
    assert f'EE4414_SITE = "{SITE}"' in cell
    with pytest.raises(ValueError, match="must end with '/'"):
        install_cell("0.1.0", SITE.rstrip("/"))


def test_first_cell_skips_an_installed_library(tmp_path, monkeypatch):
    ns, calls = _cell_namespace(tmp_path, monkeypatch, installed="0.1.0")
    assert ns["install_ee4414"]() == "ee4414 0.1.0 is already installed."
    assert calls == []


def test_first_cell_installs_from_the_site_leaving_torch_alone(tmp_path, monkeypatch):
    ns, calls = _cell_namespace(tmp_path, monkeypatch, installed=None)
    said = ns["install_ee4414"]()
    url = f"{SITE}wheels/{wheel_name('0.1.0')}"
    assert said == f"Installed ee4414 0.1.0 from {url}."
    (args,) = calls
    assert args[:4] == [sys.executable, "-m", "pip", "install"]
    assert args[-1] == url
    # no upgrade, no reinstall, no dependencies named: pip keeps the torch that is there
    assert not {"-U", "--upgrade", "--force-reinstall", "torch"} & set(args)


def test_first_cell_replaces_another_version(tmp_path, monkeypatch):
    ns, calls = _cell_namespace(tmp_path, monkeypatch, installed="0.0.9")
    said = ns["install_ee4414"]()
    assert said.startswith("Installed ee4414 0.1.0 in place of 0.0.9")
    assert len(calls) == 1


def test_first_cell_prefers_a_wheel_next_to_the_notebook(tmp_path, monkeypatch):
    (tmp_path / wheel_name("0.1.0")).write_bytes(b"")
    ns, calls = _cell_namespace(tmp_path, monkeypatch, installed=None)
    said = ns["install_ee4414"]()
    local = str((tmp_path / wheel_name("0.1.0")).resolve())
    assert calls[0][-1] == local
    assert said == f"Installed ee4414 0.1.0 from {local}."


def test_first_cell_says_in_a_sentence_when_the_site_is_unreachable(tmp_path, monkeypatch):
    error = "ERROR: Could not install packages due to an OSError: Max retries exceeded"
    ns, _ = _cell_namespace(tmp_path, monkeypatch, None, pip_returncode=1, pip_error=error)
    with pytest.raises(ns["SetupError"]) as caught:
        ns["install_ee4414"]()
    message = str(caught.value)
    assert f"from {SITE}wheels/{wheel_name('0.1.0')}" in message
    assert "(Could not install packages due to an OSError" in message
    assert "download this week's zip" in message
    # IPython shows this one line instead of a traceback
    assert caught.value._render_traceback_() == [f"SetupError: {message}"]


def test_first_cell_names_the_python_it_needs(tmp_path, monkeypatch):
    ns, _ = _cell_namespace(tmp_path, monkeypatch, installed=None)
    monkeypatch.setattr(sys, "version_info", (3, 9, 18))
    with pytest.raises(ns["SetupError"], match=r"needs Python 3\.10 or newer; this kernel runs"):
        ns["install_ee4414"]()


# -- the wheel published with the site ------------------------------------------------------
def test_publish_builds_the_checkouts_wheel_with_its_checksum(tmp_path):
    wheel = ee4414_wheel.publish(ROOT, tmp_path, ee4414.__version__)
    path = tmp_path / "wheels" / wheel.name
    assert wheel.name == wheel_name(ee4414.__version__)
    assert wheel.sha256 == ee4414_wheel.sha256(path)
    assert ee4414_wheel.published_wheel(tmp_path) == wheel
    sums = (tmp_path / "wheels" / "SHA256SUMS").read_text()
    assert sums == f"{wheel.sha256}  {wheel.name}\n"
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
    assert "ee4414/__init__.py" in names
    assert "ee4414/selfcheck/core.py" in names
    # built again from the same source: the same bytes, and the file is not rewritten
    mtime = path.stat().st_mtime_ns
    assert ee4414_wheel.publish(ROOT, tmp_path, ee4414.__version__) == wheel
    assert path.stat().st_mtime_ns == mtime


def test_publish_skips_the_backend_while_the_sources_are_unchanged(tmp_path, monkeypatch):
    stamp = tmp_path / "doctrees" / "inputs.sha256"
    wheel = ee4414_wheel.publish(ROOT, tmp_path / "site", ee4414.__version__, stamp)
    assert stamp.read_text() == ee4414_wheel.wheel_inputs(ROOT)

    def no_build(project, out):
        raise AssertionError("the backend ran although nothing changed")

    monkeypatch.setattr(ee4414_wheel, "build_wheel", no_build)
    assert ee4414_wheel.publish(ROOT, tmp_path / "site", ee4414.__version__, stamp) == wheel
    stamp.write_text("a digest of other sources")  # a source changed: the backend runs
    with pytest.raises(AssertionError, match="the backend ran"):
        ee4414_wheel.publish(ROOT, tmp_path / "site", ee4414.__version__, stamp)


def test_wheel_inputs_follow_every_package_file(tmp_path):
    project = tmp_path / "project"
    (project / "src" / "pkg").mkdir(parents=True)
    (project / "pyproject.toml").write_text("[project]\n")
    (project / "README.md").write_text("readme\n")
    module = project / "src" / "pkg" / "mod.py"
    module.write_text("x = 1\n")
    before = ee4414_wheel.wheel_inputs(project)
    (project / "src" / "pkg" / "__pycache__").mkdir()
    (project / "src" / "pkg" / "__pycache__" / "mod.pyc").write_bytes(b"cache")
    assert ee4414_wheel.wheel_inputs(project) == before  # caches are not sources
    module.write_text("x = 2\n")
    assert ee4414_wheel.wheel_inputs(project) != before


def test_week_zip_holds_notebooks_wheel_and_readme(tmp_path):
    notebook = tmp_path / "plot_w1_1_1_x.ipynb"
    notebook.write_text("{}")
    wheel = tmp_path / wheel_name("0.1.0")
    wheel.write_bytes(b"wheel")
    readme = nbx.offline_readme("week1", "solutions", wheel.name)
    nbx._zip(tmp_path / "w.zip", "week1-solutions", [notebook], wheel, readme)
    with zipfile.ZipFile(tmp_path / "w.zip") as zf:
        assert sorted(zf.namelist()) == [
            "week1-solutions/README.txt",
            f"week1-solutions/{wheel.name}",
            "week1-solutions/plot_w1_1_1_x.ipynb",
        ]
        text = zf.read("week1-solutions/README.txt").decode()
    assert f"pip install ./{wheel.name}" in text
    assert text.startswith("EE4414 week 1: solutions as Jupyter notebooks")


# -- PyTorch, the CPU build --------------------------------------------------------------------
@pytest.fixture(scope="module")
def noxfile():
    spec = importlib.util.spec_from_file_location("noxfile", ROOT / "noxfile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_torch_is_the_cpu_build_on_linux(noxfile):
    args = noxfile.torch_install_args("linux", {})
    pin = f"torch=={noxfile.TOOL['torch']}"
    assert args == [pin, "--extra-index-url", noxfile.TOOL["torch-cpu-index"], "--retries", "1"]
    # the index named in pyproject.toml (its one definition) is PyTorch's CPU-only one
    assert noxfile.TOOL["torch-cpu-index"].rstrip("/").endswith("/whl/cpu")
    # macOS and Windows wheels on the ordinary index are CPU builds already
    assert noxfile.torch_install_args("darwin", {}) == [pin]
    assert noxfile.torch_install_args("win32", {}) == [pin]


def test_torch_index_can_be_chosen(noxfile):
    cuda = "https://download.pytorch.org/whl/cu126"
    assert noxfile.torch_install_args("linux", {"EE4414_TORCH_INDEX": cuda})[1:3] == [
        "--extra-index-url",
        cuda,
    ]
    assert noxfile.torch_install_args("linux", {"EE4414_TORCH_INDEX": ""}) == [
        f"torch=={noxfile.TOOL['torch']}"
    ]
