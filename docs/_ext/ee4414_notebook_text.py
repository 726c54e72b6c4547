"""Sphinx roles in notebook text, turned into Markdown that Jupyter renders.

sphinx-gallery writes each example's text blocks into Markdown cells, converting
headings, ``.. math::`` and ``:math:`` but leaving the other roles as they are, so a
student opening the notebook reads ``:func:`torch.nonzero``` and ``:class:`ee4414.Linear```.
Here every role in a Markdown cell becomes what the page shows:

- a name the API reference or an intersphinx inventory knows becomes a link,
  ``[`torch.nonzero()`](https://docs.pytorch.org/.../torch.nonzero.html)``;
- another name (or text role) becomes inline code;
- ``:math:`x``` becomes ``$x$``; ``:doc:`` and ``:ref:`` to a course page become links.

Both kinds of notebook are converted: sphinx-gallery's solution notebooks right after the
gallery is generated (before Sphinx copies them into ``_downloads`` and before the
download-all zip is made again), and the exercise notebooks as ``ee4414_exercises``
writes them. :func:`raw_roles` lists what is left; the site check fails on any.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# :role:`text` or :domain:role:`text`; the text holds no backtick
ROLE = re.compile(r":(?:(?P<domain>py|std|math):)?(?P<role>[a-z]+):`(?P<body>[^`]+)`")
_TITLED = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
# which inventory entries each role may name
_OBJTYPES = {
    "func": ("py:function", "py:method"),
    "meth": ("py:method", "py:function"),
    "class": ("py:class", "py:exception"),
    "exc": ("py:exception", "py:class"),
    "attr": ("py:attribute", "py:property", "py:method"),
    "mod": ("py:module",),
    "data": ("py:data", "py:attribute"),
    "obj": (
        "py:function",
        "py:class",
        "py:method",
        "py:attribute",
        "py:property",
        "py:data",
        "py:module",
        "py:exception",
    ),
}
_CALLABLE = {"func", "meth"}
_GALLERY_LABEL = re.compile(r"^week(\d)$")

Resolver = Callable[[str, str], "str | None"]


def _display(role: str, target: str, title: str | None) -> str:
    """The text Sphinx would show: the title, or the name (``~`` keeps its last part)."""
    if title:
        return title
    shown = target.rsplit(".", 1)[-1] if target.startswith("~") else target
    shown = shown.lstrip("~!")
    return f"{shown}()" if role in _CALLABLE and not shown.endswith(")") else shown


def convert_text(text: str, resolve: Resolver, *, page: str = "") -> str:
    """Return Markdown ``text`` with every Sphinx role replaced (see the module docstring).

    Parameters
    ----------
    text : str
        The source of one Markdown cell.
    resolve : callable
        ``resolve(role, target) -> url or None`` for a cross-reference.
    page : str, optional
        The notebook's example path in the gallery (``auto_examples/week1/plot_x``), for
        ``:doc:`` links relative to it.
    """

    def replace(match: re.Match[str]) -> str:
        role, body = match.group("role"), match.group("body")
        if role == "math":
            return f"${body.strip()}$"
        titled = _TITLED.match(body)
        title, target = (titled.group("title"), titled.group("target")) if titled else (None, body)
        target = target.strip()
        if role in {"doc", "ref"}:
            url = resolve(role, _doc_target(target, page) if role == "doc" else target)
            shown = title or target.rsplit("/", 1)[-1]
            return f"[{shown}]({url})" if url else shown
        shown = _display(role, target, title)
        url = resolve(role, target.lstrip("~!"))
        code = f"`{shown}`" if role in _OBJTYPES or role in {"code", "samp", "file"} else shown
        return f"[{code}]({url})" if url else code

    return ROLE.sub(replace, text)


def _doc_target(target: str, page: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    base = page.rsplit("/", 1)[0] if "/" in page else ""
    return f"{base}/{target}" if base else target


def raw_roles(notebook: dict[str, Any]) -> list[str]:
    """Every Sphinx role left in the Markdown cells of ``notebook``."""
    return [
        m.group(0)
        for cell in notebook.get("cells", [])
        if cell.get("cell_type") == "markdown"
        for m in ROLE.finditer(_source(cell))
    ]


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def convert_notebook(notebook: dict[str, Any], resolve: Resolver, *, page: str = "") -> int:
    """Convert the roles in every Markdown cell of ``notebook`` in place; return how many."""
    count = 0
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        text = _source(cell)
        n = len(ROLE.findall(text))
        if n:
            cell["source"] = convert_text(text, resolve, page=page)
            count += n
    return count


# --------------------------------------------------------------------------------------
# Where a name's documentation is
# --------------------------------------------------------------------------------------
class SiteResolver:
    """Find the page that documents a name: the course's API reference, or an inventory.

    Parameters
    ----------
    site_url : str
        The address of the published course site, ending in ``/``.
    inventories : iterable of pathlib.Path
        Intersphinx inventory files (``objects.inv``) with absolute base addresses in
        ``bases`` (same order).
    bases : iterable of str
        The documentation address each inventory's relative paths start from.
    public : iterable of str
        The public names of ``ee4414`` (its ``__all__``).
    """

    def __init__(
        self,
        site_url: str,
        inventories: Iterable[Path] = (),
        bases: Iterable[str] = (),
        public: Iterable[str] = (),
    ) -> None:
        from sphinx.util.inventory import InventoryFile

        self.site_url = site_url if site_url.endswith("/") else site_url + "/"
        self.public = set(public)
        self.data: list[Any] = []
        for path, base in zip(inventories, bases, strict=True):
            self.data.append(InventoryFile.loads(Path(path).read_bytes(), uri=base).data)

    def __call__(self, role: str, target: str) -> str | None:
        if role == "doc":
            return f"{self.site_url}{target}.html"
        if role == "ref":
            week = _GALLERY_LABEL.match(target)
            return f"{self.site_url}auto_examples/week{week.group(1)}/index.html" if week else None
        if role not in _OBJTYPES:
            return None
        name = target.removeprefix("ee4414.")
        head = name.split(".", 1)[0]
        if (target.startswith("ee4414.") or target in self.public) and head in self.public:
            page = f"{self.site_url}api/generated/ee4414.{head}.html"
            return page if name == head else f"{page}#ee4414.{name}"
        for inventory in self.data:
            for objtype in _OBJTYPES[role]:
                item = inventory.get(objtype, {}).get(target)
                if item is not None:
                    return str(item.uri)
        return None


def site_url(config: Any) -> str:
    """The published site's address: ``html_baseurl``, else the GitHub Pages address."""
    base = getattr(config, "html_baseurl", "") or ""
    if base:
        return base if base.endswith("/") else base + "/"
    owner, _, repo = str(getattr(config, "ee4414_github", "ee4414/ee4414")).partition("/")
    return f"https://{owner}.github.io/{repo}/"


_DEFAULT_BASES = {  # as in conf.py's intersphinx_mapping
    "python": "https://docs.python.org/3/",
    "torch": "https://docs.pytorch.org/docs/stable/",
    "numpy": "https://numpy.org/doc/stable/",
    "matplotlib": "https://matplotlib.org/stable/",
}


_RESOLVER: SiteResolver | None = None


def resolver(srcdir: Path | None = None, config: Any = None) -> SiteResolver:
    """The resolver of this build (made on first use from ``docs/`` and its inventories)."""
    global _RESOLVER
    if _RESOLVER is None or srcdir is not None:
        import ee4414

        docs = Path(srcdir) if srcdir is not None else Path(__file__).resolve().parent.parent
        paths = [docs / "_intersphinx" / f"{name}.inv" for name in _DEFAULT_BASES]
        bases = list(_DEFAULT_BASES.values())
        _RESOLVER = SiteResolver(
            site_url(config),
            [p for p in paths if p.is_file()],
            [b for p, b in zip(paths, bases, strict=True) if p.is_file()],
            [n for n in ee4414.__all__ if not n.startswith("_")],
        )
    return _RESOLVER


def convert_file(path: Path, resolve: Resolver, *, page: str = "") -> int:
    """Convert one ``.ipynb`` file in place (rewritten only when something changed)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    count = convert_notebook(notebook, resolve, page=page)
    if count:
        path.write_text(json.dumps(notebook, indent=1, ensure_ascii=False), encoding="utf-8")
    return count


def _convert_gallery(app: Any) -> None:
    """After sphinx-gallery: convert its notebooks, then make its download-all zip again."""
    conf = app.config.sphinx_gallery_conf
    src = Path(app.srcdir)
    resolve = resolver(src, app.config)
    total = 0
    for gallery in conf.get("gallery_dirs", []):
        root = src / gallery
        for path in sorted(root.glob("**/*.ipynb")):
            page = path.relative_to(src).with_suffix("").as_posix()
            total += convert_file(path, resolve, page=page)
        if total and conf.get("download_all_examples") and root.is_dir():
            from sphinx_gallery.downloads import generate_zipfiles

            generate_zipfiles(str(root), str(src), conf)
    from sphinx.util import logging

    logging.getLogger(__name__).info(f"ee4414: {total} Sphinx roles in notebooks made Markdown")


def setup(app: Any) -> dict[str, Any]:
    """Convert the gallery's notebooks once sphinx-gallery has written them."""
    # sphinx-gallery generates the gallery at builder-inited, priority 500
    app.connect("builder-inited", _convert_gallery, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
