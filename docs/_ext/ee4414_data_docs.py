"""Constants re-exported by ``ee4414`` keep the ``#:`` comment they have where defined.

autodoc finds a ``#:`` doc comment only in the module it documents; for a constant that
``ee4414/__init__.py`` re-exports it would show the docstring of the constant's type
(``dict``, ...) instead. One ``autodoc-process-docstring`` hook puts the comment from
the defining module in its place.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from sphinx.application import Sphinx
from sphinx.pycode import ModuleAnalyzer


def data_doc(name: str, obj: Any) -> list[str]:
    """The ``#:`` comment above a module-level name of ee4414, wherever it is defined."""
    import ee4414

    attr = name.rsplit(".", 1)[-1]
    for info in pkgutil.iter_modules(ee4414.__path__, "ee4414."):
        module = importlib.import_module(info.name)
        if getattr(module, attr, None) is obj:
            docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
            if ("", attr) in docs:
                return list(docs[("", attr)])
    return []


def _replace_type_docstring(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    if what != "data" or name.startswith("ee4414.__"):
        return
    type_doc = (type(obj).__doc__ or "").strip()
    if not lines or "\n".join(lines).strip() == type_doc or lines[0] in type_doc:
        lines[:] = data_doc(name, obj)


def setup(app: Sphinx) -> dict[str, Any]:
    # after sphinx.ext.napoleon (priority 500), before ee4414_types (600)
    app.connect("autodoc-process-docstring", _replace_type_docstring, priority=550)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
