"""Links that the official inventories lack, from the course's own copies of them.

``ee4414_course_inventories`` (conf.py) maps an intersphinx project to its base URL and
an inventory file kept under ``docs/_intersphinx``. A py reference that intersphinx left
unresolved (an alias such as ``torch.nn.Parameter`` that an official inventory no longer
lists) is looked up there, so an online build links all that an offline one does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.inventory import InventoryFile

_COURSE_INVENTORIES: dict[str, Any] = {}


def _load_course_inventories(app: Sphinx) -> None:
    for name, (base, path) in app.config.ee4414_course_inventories.items():
        data = (Path(app.srcdir) / path).read_bytes()
        _COURSE_INVENTORIES[name] = InventoryFile.loads(data, uri=base).data


def _course_fallback(
    app: Sphinx, env: Any, node: nodes.Element, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a py reference that intersphinx left unresolved from the course's lists."""
    if node.get("refdomain") != "py":
        return None
    target = node.get("reftarget", "")
    objtypes = env.domains["py"].objtypes_for_role(node.get("reftype", "obj")) or []
    for inventory in _COURSE_INVENTORIES.values():
        for objtype in objtypes:
            item = inventory.get(f"py:{objtype}", {}).get(target)
            if item is not None:
                ref = nodes.reference(
                    "",
                    "",
                    internal=False,
                    refuri=item.uri,
                    reftitle=f"(in {item.project_name} v{item.project_version})",
                )
                ref.append(contnode)
                return ref
    return None


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("ee4414_course_inventories", {}, "env", types=frozenset({dict}))
    app.connect("builder-inited", _load_course_inventories)
    # after sphinx.ext.intersphinx: only what the official inventories lack
    app.connect("missing-reference", _course_fallback, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
