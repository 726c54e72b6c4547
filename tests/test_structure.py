"""The package's shape: no import cycle in src/ee4414, no helper defined twice in selfcheck/.

Both read the source with :mod:`ast` rather than importing it, so they also see the
imports written inside functions (the usual way to hide a cycle).
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "ee4414"

# Names a week module must define for the registry to find it: data, not functions, so
# none of them is a function or a class. Keep this list explicit and short.
PER_WEEK_API: frozenset[str] = frozenset()


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    """Every module under ``root`` (a folder holding packages), by dotted name."""
    return {module_name(p, root): p for p in sorted(root.rglob("*.py"))}


def imported(path: Path, name: str, known: set[str]) -> set[str]:
    """The modules of ``known`` that the module ``name`` at ``path`` imports, anywhere in it.

    ``from package import sub`` counts as importing ``package.sub`` when that is a module,
    else ``package``; relative imports are resolved against ``name``.
    """
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor if is_package else anchor[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # `import a.b.c` imports a, a.b and a.b.c; the deepest known one is the edge
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    mods = modules(root)
    known = set(mods)
    return {name: imported(path, name, known) for name, path in mods.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a list of modules (first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_package_imports_no_module_that_imports_it_back():
    graph = import_graph(SRC)
    assert f"{PACKAGE}.selfcheck.core" in graph  # the graph covers the package
    assert f"{PACKAGE}.selfcheck.registry" in graph[f"{PACKAGE}.selfcheck.core"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph) or [])


def test_the_cycle_finder_sees_a_cycle_hidden_inside_a_function(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg import b\n")
    (pkg / "b.py").write_text("import os\n\n\ndef later():\n    from . import c\n")
    (pkg / "c.py").write_text("from pkg.a import something\n")
    graph = import_graph(tmp_path)
    assert graph["pkg.b"] == {"pkg.c"}
    assert find_cycle(graph) == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]
    (pkg / "c.py").write_text("import pkg\n")  # the package itself: no cycle back to a
    assert find_cycle(import_graph(tmp_path)) is None


def defined_names(path: Path) -> set[str]:
    """Functions and classes defined at the top level of a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
    return {node.name for node in tree.body if isinstance(node, kinds)}


def defined_twice(folder: Path) -> dict[str, list[str]]:
    counts = Counter(n for p in folder.glob("*.py") for n in defined_names(p))
    return {
        name: sorted(p.name for p in folder.glob("*.py") if name in defined_names(p))
        for name, count in counts.items()
        if count > 1 and name not in PER_WEEK_API
    }


def test_no_helper_is_defined_in_two_selfcheck_modules():
    folder = SRC / PACKAGE / "selfcheck"
    assert "is_module" in defined_names(folder / "_probes.py")
    assert defined_twice(folder) == {}


@pytest.mark.parametrize("name", ["_is_module", "close"])
def test_the_duplicate_finder_names_the_modules(tmp_path, name):
    for module in ("week1.py", "week2.py"):
        (tmp_path / module).write_text(f"def {name}(x):\n    return x\n")
    assert defined_twice(tmp_path) == {name: ["week1.py", "week2.py"]}
