"""The "Examples using X" mini-galleries list only the examples whose code uses X.

sphinx-gallery collects an example for the mini-gallery of a name in two ways: the name
is used in the example's code, or the example's text mentions it with a role
(``:class:`ee4414.Linear```). The second kind fills an API page with examples that only
talk about the name. sphinx-gallery records which is which for every example
(``is_explicit`` in ``auto_examples/weekN/plot_x.codeobj.json``) and writes all the lists
to ``backreferences_all.json``, which its ``minigallery`` directive reads; right after
the gallery is generated, each list here keeps only the examples whose code uses the
name. ``check_pages.py`` verifies the built API pages independently, from the examples'
source.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ALL = "backreferences_all.json"


def used_in_code(codeobj: dict[str, list[dict[str, Any]]]) -> set[str]:
    """The full names (``module_short.name``) an example's code uses, from its codeobj."""
    names = set()
    for cobjs in codeobj.values():
        for c in cobjs:
            if not c.get("is_explicit"):
                names |= {f"{c['module_short']}.{c['name']}", f"{c['module']}.{c['name']}"}
    return names


def filter_backreferences(
    backrefs: dict[str, list[list[str]]], srcdir: Path
) -> tuple[dict[str, list[list[str]]], int]:
    """Drop the entries of examples that only mention a name; return them and the count.

    Each entry is sphinx-gallery's ``[file name, source dir, target dir, intro, title]``;
    the example's ``.codeobj.json`` lies in ``srcdir / target dir``.
    """
    kept: dict[str, list[list[str]]] = {}
    dropped = 0
    cache: dict[Path, set[str]] = {}
    for name, entries in backrefs.items():
        keep = []
        for entry in entries:
            codeobj = srcdir / entry[2] / (Path(entry[0]).stem + ".codeobj.json")
            if codeobj not in cache:
                cache[codeobj] = (
                    used_in_code(json.loads(codeobj.read_text(encoding="utf-8")))
                    if codeobj.is_file()
                    else {name}  # nothing known: keep it
                )
            if name in cache[codeobj]:
                keep.append(entry)
            else:
                dropped += 1
        if keep:
            kept[name] = keep
    return kept, dropped


def _filter(app: Any) -> None:
    conf = app.config.sphinx_gallery_conf
    if not conf.get("backreferences_dir"):
        return
    src = Path(app.srcdir)
    path = src / conf["backreferences_dir"] / ALL
    if not path.is_file():
        return
    backrefs = json.loads(path.read_text(encoding="utf-8"))
    kept, dropped = filter_backreferences(backrefs, src)
    if dropped:
        path.write_text(json.dumps(kept, indent=1, sort_keys=True), encoding="utf-8")
    from sphinx.util import logging

    logging.getLogger(__name__).info(
        f"ee4414: {dropped} mini-gallery entries of examples that only mention a name dropped"
    )


def setup(app: Any) -> dict[str, Any]:
    """Filter the mini-gallery lists once sphinx-gallery has written them."""
    app.connect("builder-inited", _filter, priority=600)  # after the gallery (500)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
