"""One click from a page to running code: Colab buttons, exercise links, week zips, stamp.

Everything here is added to a page's doctree before it is written (Sphinx's
``doctree-resolved`` event), next to the nodes that sphinx-gallery made; nothing edits
rendered HTML. Where the expected node is missing (a new sphinx-gallery that lays out its
downloads differently), the build warns, which ``-W`` turns into a failure.

- **Example pages**: after sphinx-gallery's "Download Python source code" button,
  **Open in Colab** (the page's notebook as published with the site, opened from GitHub:
  ``colab.research.google.com/github/ORG/REPO/blob/BRANCH/PATH``), **Exercise notebook**
  (a download) and **Exercise in Colab**: the same example with its answers replaced by
  ``# TODO`` scaffolds and a self-check (see ``ee4414_exercises``).
- **Week pages**: under the title, the week's exercise and solution notebooks as zips;
  ``.. ee4414-week-zips::`` puts a table of every week's zips on any page.
- **Every page**: a closing stamp, the ee4414 and PyTorch versions the examples ran with
  and the checksum of the library's wheel published with the site (``ee4414_wheel``).

Settings in ``conf.py``: ``ee4414_github = "ORG/REPO"`` and ``ee4414_pages_branch``, the
repository and branch the built site is published to (read from the environment by
``_ext/ee4414_hosting.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from html import escape
from pathlib import Path
from typing import Any

from docutils import nodes
from ee4414_course import weeks
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)

EXAMPLE_PAGE = re.compile(r"^auto_examples/(week\d+)/(plot_\w+)$")
WEEK_PAGE = re.compile(r"^auto_examples/(week\d+)/index$")


def colab_url(repo: str, branch: str, path: str) -> str:
    """The Colab address that opens ``path`` of ``repo`` at ``branch`` from GitHub."""
    return f"https://colab.research.google.com/github/{repo}/blob/{branch}/{path}"


def _button(css: str, href: str, label: str, *, download: bool = False) -> nodes.container:
    """A container styled like sphinx-gallery's download buttons, holding one link."""
    attr = " download" if download else ""
    html = (
        f'<p><a class="reference download external" href="{escape(href)}"{attr}>'
        f'<code class="xref download docutils literal notranslate">'
        f'<span class="pre">{escape(label)}</span></code></a></p>'
    )
    raw = nodes.raw("", html, format="html")
    return nodes.container("", raw, classes=["sphx-glr-download", css])


def _has_classes(*names: str) -> Any:
    def match(node: nodes.Node) -> bool:
        return isinstance(node, nodes.container) and set(names) <= set(node.get("classes", []))

    return match


def _add_example_buttons(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    week, stem = EXAMPLE_PAGE.match(docname).groups()  # type: ignore[union-attr]
    python = next(iter(doctree.findall(_has_classes("sphx-glr-download-python"))), None)
    jupyter = next(iter(doctree.findall(_has_classes("sphx-glr-download-jupyter"))), None)
    notebook = None
    if jupyter is not None:
        ref = next(iter(jupyter.findall(addnodes.download_reference)), None)
        notebook = ref.get("filename") if ref is not None else None
    if python is None or notebook is None:
        logger.warning(
            "ee4414_downloads: no sphinx-gallery download buttons found; the Colab and "
            "exercise buttons are missing from this page",
            location=docname,
        )
        return
    repo, branch = app.config.ee4414_github, app.config.ee4414_pages_branch
    exercise = f"exercises/{week}/{stem}_exercise.ipynb"
    here = app.builder.get_target_uri(docname)
    buttons = [
        _button("ee4414-colab", colab_url(repo, branch, f"_downloads/{notebook}"), "Open in Colab"),
        _button(
            "ee4414-exercise", relative_uri(here, exercise), "Exercise notebook", download=True
        ),
        _button("ee4414-colab", colab_url(repo, branch, exercise), "Exercise in Colab"),
    ]
    parent = python.parent
    at = parent.index(python) + 1
    for offset, button in enumerate(buttons):
        parent.insert(at + offset, button)


def _add_week_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    week = WEEK_PAGE.match(docname).group(1)  # type: ignore[union-attr]
    title = next(iter(doctree.findall(nodes.title)), None)
    if title is None:
        logger.warning("ee4414_downloads: a week page without a title", location=docname)
        return
    here = app.builder.get_target_uri(docname)
    links = " · ".join(
        f'<a href="{escape(relative_uri(here, f"exercises/{week}-{kind}.zip"))}" download>'
        f"{week.replace('week', 'week ')}'s {kind} as notebooks (zip)</a>"
        for kind in ("exercises", "solutions")
    )
    html = f'<p class="ee4414-week-downloads">Download {links}</p>'
    section = title.parent
    section.insert(section.index(title) + 1, nodes.raw("", html, format="html"))


def stamp(app: Sphinx, docname: str) -> str:
    """The closing line of every page: what computed its outputs."""
    import torch
    from ee4414_wheel import WHEELS, published_wheel

    import ee4414

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        if epoch
        else dt.datetime.now(dt.timezone.utc)
    )
    wheel = published_wheel(Path(app.outdir))
    index = relative_uri(app.builder.get_target_uri(docname), f"{WHEELS}/index.html")
    return (
        f'<p class="ee4414-stamp">Built {when:%Y-%m-%d} with <a href="{escape(index)}">ee4414 '
        f"{ee4414.__version__}</a> (wheel SHA-256 <code>{wheel.short}</code>) and PyTorch "
        f"{torch.__version__}: every output on this page was computed by that build.</p>"
    )


def week_zips_html(examples: Path, here: str) -> str:
    """The table of every week's zips, linked from the page ``here`` (a target URI)."""
    rows = []
    for week in (path.name for path in weeks(examples)):
        cells = [f"<td>{week.removeprefix('week')}</td>"]
        for kind in ("exercises", "solutions"):
            href = relative_uri(here, f"exercises/{week}-{kind}.zip")
            cells.append(f'<td><a href="{escape(href)}" download>{week}-{kind}.zip</a></td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table class="docutils align-default ee4414-week-zips">'
        "<thead><tr><th>week</th><th>exercises</th><th>solutions</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


class WeekZips(SphinxDirective):
    """A table with each week's exercise and solution zips (``.. ee4414-week-zips::``)."""

    def run(self) -> list[nodes.Node]:
        app = self.env.app
        here = app.builder.get_target_uri(self.env.docname)
        examples = Path(app.srcdir, app.config.sphinx_gallery_conf["examples_dirs"][0])
        return [nodes.raw("", week_zips_html(examples, here), format="html")]


def _on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    if EXAMPLE_PAGE.match(docname):
        _add_example_buttons(app, doctree, docname)
    elif WEEK_PAGE.match(docname):
        _add_week_downloads(app, doctree, docname)
    doctree.append(nodes.raw("", stamp(app, docname), format="html"))


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the settings and the doctree hook."""
    app.add_config_value("ee4414_github", "ee4414/ee4414", "html")
    app.add_config_value("ee4414_pages_branch", "gh-pages", "html")
    app.connect("doctree-resolved", _on_doctree_resolved)
    app.add_directive("ee4414-week-zips", WeekZips)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
