"""Every week's self-checks by exercise id, found by file name: no list to keep up to date.

A week's self-checks live in a module ``weekN.py`` (N a number) in this package, which
defines a table ``EXPECTATIONS`` mapping each exercise id to its checkers (see
:mod:`ee4414.selfcheck.checkers`)::

    EXPECTATIONS: Expectations = {"W7-1.1": {"y_hat": equals_tensor(...)}}

``expectations()`` finds those modules with :mod:`pkgutil` in the package's folder, in
week order, the first time a check runs, so adding ``week7.py`` next to ``week6.py`` is
all it takes for ``ee4414.check("W7-1.1", ...)`` to know it. An exercise id defined by
two weeks is an error, and so is a week module without ``EXPECTATIONS``.

A folder outside the package can hold more weeks (a week in progress, or a test's
temporary ``week7.py``): ``add_folder(folder)`` adds it to the folders searched,
``remove_folder(folder)`` takes it away again. A module found there is loaded from its file
under the name ``ee4414.selfcheck.weekN``, without being added to ``sys.modules``.

The week modules import the checkers and the probes, never ``ee4414.selfcheck.core``,
which imports this module: the imports form no cycle.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import pkgutil
import re
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from ee4414.selfcheck.checkers import Checker, Expectations

WEEK_MODULE = re.compile(r"week(\d+)")
"""The name of a week's self-check module: ``week`` and the week's number."""

_PACKAGE_FOLDER = str(Path(__file__).parent)
_folders: list[str] = [_PACKAGE_FOLDER]


def add_folder(folder: str | Path) -> None:
    """Look for ``weekN.py`` modules in ``folder`` too, from the next check on."""
    path = str(Path(folder).resolve())
    if path not in _folders:
        _folders.append(path)
    expectations.cache_clear()


def remove_folder(folder: str | Path) -> None:
    """Stop looking in a folder added with ``add_folder`` (the package's own stays)."""
    path = str(Path(folder).resolve())
    if path in _folders and path != _PACKAGE_FOLDER:
        _folders.remove(path)
    expectations.cache_clear()


def _load(folder: str, name: str) -> ModuleType:
    """Import ``name`` from the package, or load it from its file in an added folder."""
    qualified = f"{__package__}.{name}"
    if folder == _PACKAGE_FOLDER:
        return importlib.import_module(qualified)
    spec = importlib.util.spec_from_file_location(qualified, Path(folder) / f"{name}.py")
    if spec is None or spec.loader is None:  # pragma: no cover - pkgutil found a .py file
        raise ImportError(f"cannot load the self-check module {name} from {folder}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def week_modules() -> list[ModuleType]:
    """Import every ``weekN`` module of the searched folders, in week order.

    Where two folders hold a module of the same name, the first folder's is used (the
    package's own comes first).
    """
    found: dict[int, tuple[str, str]] = {}
    for info in pkgutil.iter_modules(_folders):
        match = WEEK_MODULE.fullmatch(info.name)
        if match is not None and not info.ispkg:
            folder = str(getattr(info.module_finder, "path", _PACKAGE_FOLDER))
            found[int(match.group(1))] = (folder, info.name)
    return [_load(*found[week]) for week in sorted(found)]


@functools.cache
def expectations() -> dict[str, Mapping[str, Checker]]:
    """Every exercise's checkers, by exercise id, from all week modules (found once).

    Raises
    ------
    ValueError
        If two week modules define the same exercise id, or a week module has no
        ``EXPECTATIONS`` table.
    """
    table: dict[str, Mapping[str, Checker]] = {}
    for module in week_modules():
        week: Expectations | None = getattr(module, "EXPECTATIONS", None)
        if week is None:
            raise ValueError(f"the self-check module {module.__name__} defines no EXPECTATIONS")
        for exercise, checkers in week.items():
            if exercise in table:
                raise ValueError(f"{module.__name__} defines {exercise!r} a second time")
            table[exercise] = checkers
    return table
