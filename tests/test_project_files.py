"""One definition of each thing: dependency bounds, the PyTorch pin, what CI runs."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import nox.project
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_navigation  # noqa: E402

PYPROJECT = nox.project.load_toml(ROOT / "pyproject.toml")


def requirements(group: str) -> dict[str, SpecifierSet]:
    """The dependency group's requirements (included groups resolved), by package name."""
    reqs = (Requirement(r) for r in nox.project.dependency_groups(PYPROJECT, group))
    return {r.name.lower().replace("_", "-"): r.specifier for r in reqs}


def has_upper_bound(spec: SpecifierSet) -> bool:
    return any(s.operator in {"<", "<=", "==", "~=", "==="} for s in spec)


def test_packages_whose_internals_docs_ext_uses_are_bounded():
    docs, test = requirements("docs"), requirements("test")
    for name in ("sphinx-gallery", "furo", "myst-nb"):
        assert has_upper_bound(docs[name]), f"{name} {docs[name]}: bound it above"
    # the tests run against the same versions as the build
    for name in ("sphinx-gallery", "furo"):
        assert test[name] == docs[name]
        assert docs[name].contains(version(name)), f"{name} {version(name)} not in {docs[name]}"


def test_furo_is_pinned_to_the_version_the_navigation_was_tested_with():
    (pin,) = requirements("docs")["furo"]
    assert pin.operator == "=="
    assert pin.version in ee4414_navigation.TESTED_FURO


def test_the_torch_pin_and_its_index_are_written_once():
    tool = PYPROJECT["tool"]["ee4414"]
    files = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    # benchmarks/ records what each measurement ran with; it defines nothing
    text_files = [f for f in files if f.endswith((".py", ".md", ".toml", ".yml", ".yaml", ".txt"))]
    for value in (tool["torch"], tool["torch-cpu-index"]):
        found = [
            f
            for f in text_files
            if not f.startswith("benchmarks/") and value in (ROOT / f).read_text(encoding="utf-8")
        ]
        assert found == ["pyproject.toml"], f"{value!r} is written in {found}"


def sessions_in(path: Path) -> list[str]:
    """The nox sessions a script or workflow runs, in order (comments do not run)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    code = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    return re.findall(r"nox -s (\w+)", code)


def test_the_readme_says_what_each_runner_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    noxfile = (ROOT / "noxfile.py").read_text(encoding="utf-8")
    names = set(re.findall(r"@nox\.session[^\n]*\ndef (\w+)\(", noxfile))
    listing = readme.split("Three places run these sessions", 1)[1].split("\n\n", 2)[1]
    said = {}
    for bullet in listing.split("\n- "):
        ticks = re.findall(r"`([^`]+)`", bullet)
        said[ticks[0]] = [t for t in ticks if t in names]
    assert said == {
        runner: sessions_in(ROOT / runner)
        for runner in (".ci/run", ".github/workflows/pages.yml", ".readthedocs.yaml")
    }
    assert all(said.values())
