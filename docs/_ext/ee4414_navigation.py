"""furo's sidebar navigation, built once per build instead of once per page.

furo renders the whole site's table of contents for every page and re-parses it with
BeautifulSoup to add its expand/collapse checkboxes: a cost that grows with the square
of the number of pages (about 11 s of this site's build). Every page's copy of that tree
differs from any other's in only three ways:

- its links are relative to the page (``../week1/index.html``), and the page's own
  link is ``#``, with the class ``current``;
- the branch that leads to the page is marked: ``current`` on its ``<ul>`` and ``<li>``
  elements, ``checked`` on their checkboxes, ``current-page`` on the page's own item;
- nothing else.

So the tree is rendered and processed by furo once (as seen from the root page, where
no branch is current), cut into pieces, and each page's copy is written by walking the
pieces: a few hundred string operations instead of a Sphinx render and a parse.

The result is byte-identical to furo's (``tests/test_navigation.py`` compares both on
a generated site of several hundred pages; ``EE4414_NAV_VERIFY=1`` compares them on
every page of a real build and warns on any difference). With a furo version it was not
tested against, furo's own code runs, and the build says so once.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)

TESTED_FURO = ("2025.12.19",)
_TOKEN = re.compile(r"<ul\b[^>]*>|</ul>|<li\b[^>]*>|</li>|<a\b[^>]*>|<input\b[^>]*>")
_CLASS = re.compile(r'\bclass="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


@dataclass
class _Item:
    """One ``<li>`` of the tree: where its pieces are, and the branch it hangs on."""

    li: int  # index of its <li> token
    parent: _Item | None
    ul: int  # index of the <ul> token that holds it
    link: int = -1  # index of its first <a> token
    target: str = ""  # that link's address, seen from the root page (no anchor)
    checkbox: int = -1  # index of its <input> token, if it has children


@dataclass
class NavigationTree:
    """furo's navigation tree as seen from the root page, cut into pieces."""

    pieces: list[str]
    items: list[_Item] = field(default_factory=list)

    @classmethod
    def parse(cls, html: str) -> NavigationTree:
        """Cut furo's processed tree into tags to rewrite and the text between them."""
        tree = cls(pieces=[])
        uls: list[int] = []
        open_items: list[_Item] = []
        pos = 0
        for m in _TOKEN.finditer(html):
            tree.pieces.append(html[pos : m.start()])
            index = len(tree.pieces)
            tag = m.group(0)
            tree.pieces.append(tag)
            pos = m.end()
            if tag.startswith("<ul"):
                uls.append(index)
            elif tag == "</ul>":
                uls.pop()
            elif tag.startswith("<li"):
                parent = open_items[-1] if open_items else None
                item = _Item(li=index, parent=parent, ul=uls[-1])
                tree.items.append(item)
                open_items.append(item)
            elif tag == "</li>":
                open_items.pop()
            elif tag.startswith("<a") and open_items and open_items[-1].link < 0:
                item = open_items[-1]
                item.link = index
                href = _HREF.search(tag)
                item.target = href.group(1).partition("#")[0] if href else ""
            elif tag.startswith("<input") and open_items and open_items[-1].checkbox < 0:
                open_items[-1].checkbox = index
        tree.pieces.append(html[pos:])
        return tree

    def render(self, page_uri: str) -> str:
        """The tree as furo would write it on the page whose address is ``page_uri``."""
        pieces = list(self.pieces)
        current = [i for i in self.items if i.target == page_uri]
        branch: dict[int, _Item] = {}
        for item in current:
            node: _Item | None = item
            while node is not None:
                branch[node.li] = node
                node = node.parent
        for index, piece in enumerate(pieces):
            if piece.startswith("<a") and 'class="reference internal"' in piece:
                pieces[index] = _HREF.sub(lambda m: f'href="{_relative(page_uri, m[1])}"', piece)
        for item in current:
            pieces[item.link] = pieces[item.link].replace(
                'class="reference internal"', 'class="current reference internal"', 1
            )
        for item in branch.values():
            pieces[item.ul] = _add_class(pieces[item.ul], "current")
            pieces[item.li] = _add_class(pieces[item.li], "current", before="has-children")
            if item.checkbox >= 0:
                pieces[item.checkbox] = pieces[item.checkbox].replace(
                    ' class="', ' checked="" class="', 1
                )
        if branch:
            last = branch[max(branch)]
            pieces[last.li] = _add_class(pieces[last.li], "current-page")
        return "".join(pieces)


def _relative(page_uri: str, href: str) -> str:
    if _EXTERNAL.match(href):
        return href
    path, hash_, anchor = href.partition("#")
    return (relative_uri(page_uri, path) + hash_ + anchor) or "#"


def _add_class(tag: str, name: str, before: str | None = None) -> str:
    m = _CLASS.search(tag)
    if m is None:  # <ul> has no class until it is current
        return tag[:-1] + f' class="{name}">'
    classes = m.group(1).split()
    if name in classes:
        return tag
    at = classes.index(before) if before is not None and before in classes else len(classes)
    classes.insert(at, name)
    return tag[: m.start(1)] + " ".join(classes) + tag[m.end(1) :]


class _Navigation:
    """The replacement for ``furo._compute_navigation_tree``, one tree per process."""

    def __init__(self, app: Sphinx, furo_compute: Any) -> None:
        self.app = app
        self.furo_compute = furo_compute
        self.tree: NavigationTree | None = None
        self.verify = bool(os.environ.get("EE4414_NAV_VERIFY"))
        self.verified = 0  # pages compared with furo's own tree (EE4414_NAV_VERIFY=1)

    def __call__(self, context: dict[str, Any]) -> str:
        builder = self.app.builder
        if "toctree" not in context or not isinstance(builder, StandaloneHTMLBuilder):
            return str(self.furo_compute(context))
        if self.tree is None:
            from furo.navigation import get_navigation_tree

            root = builder.config.root_doc
            html = builder._get_local_toctree(  # the same call as furo's, from the root
                root, collapse=False, titles_only=True, maxdepth=-1, includehidden=True
            )
            self.tree = NavigationTree.parse(get_navigation_tree(html))
        pagename = context["pagename"]
        html = self.tree.render(builder.get_target_uri(pagename))
        if self.verify:
            expected = self.furo_compute(context)
            if html != expected:
                logger.warning(f"ee4414_navigation: {pagename}: differs from furo's own tree")
                return str(expected)
            self.verified += 1
        return html


def _install(app: Sphinx) -> None:
    if app.builder.format != "html" or app.config.html_theme != "furo":
        return
    import furo

    if furo.__version__ not in TESTED_FURO:
        logger.info(
            f"ee4414_navigation: furo {furo.__version__} is not one it was tested with "
            f"({', '.join(TESTED_FURO)}); furo builds the navigation itself"
        )
        return
    original = furo._compute_navigation_tree
    if isinstance(original, _Navigation):  # a second build in the same process
        original = original.furo_compute
    furo._compute_navigation_tree = _Navigation(app, original)


def setup(app: Sphinx) -> dict[str, Any]:
    """Replace furo's per-page navigation tree with the one-tree-per-build version."""
    app.connect("builder-inited", _install)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
