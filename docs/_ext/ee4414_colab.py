"""One click from a page to running code: Colab buttons, exercise links, build stamp.

On every example page, next to sphinx-gallery's downloads, this adds:

- **Open in Colab**: the page's notebook as published with the built site, opened from
  GitHub (``colab.research.google.com/github/ORG/REPO/blob/BRANCH/PATH``);
- **Exercise notebook** (download) and **Exercise in Colab**: the same example with
  its answers replaced by ``# TODO`` scaffolds and a self-check (see ``ee4414_exercises``).

Each week's gallery page gets the week's exercise and solution notebooks as zips, and
every page ends with a stamp: the ee4414 and PyTorch versions its examples ran with, and
the checksum of the library's wheel published with the site (``ee4414_wheel``).

Settings in ``conf.py``: ``ee4414_github = "ORG/REPO"`` and ``ee4414_pages_branch``,
the repository and branch the built site is published to (GitHub Pages); ``conf.py``
reads the repository from the environment (``_ext/ee4414_hosting.py``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from html import escape
from pathlib import Path
from typing import Any

NOTEBOOK = re.compile(r'href="(?:\.\./)*(_downloads/[0-9a-f]+/(plot_[\w]+)\.ipynb)"')
EXAMPLE_PAGE = re.compile(r"^auto_examples/(week\d)/(plot_\w+)$")
WEEK_PAGE = re.compile(r"^auto_examples/(week\d)/index$")
DOWNLOADS_END = re.compile(r'(<div class="sphx-glr-download sphx-glr-download-zip[^"]*">)')


def colab_url(repo: str, branch: str, path: str) -> str:
    """The Colab address that opens ``path`` of ``repo`` at ``branch`` from GitHub."""
    return f"https://colab.research.google.com/github/{repo}/blob/{branch}/{path}"


def _button(css: str, href: str, label: str, download: bool = False) -> str:
    attr = " download" if download else ""
    return (
        f'<div class="sphx-glr-download {css}"><p><a class="reference download external" '
        f'href="{escape(href)}"{attr}><code class="xref download docutils literal notranslate">'
        f'<span class="pre">{escape(label)}</span></code></a></p></div>\n'
    )


def _stamp(app: Any, pathto: Any) -> str:
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
    index = escape(pathto(f"{WHEELS}/index.html", 1))
    return (
        f'<p class="ee4414-stamp">Built {when:%Y-%m-%d} with <a href="{index}">ee4414 '
        f"{ee4414.__version__}</a> (wheel SHA-256 <code>{wheel.short}</code>) and PyTorch "
        f"{torch.__version__}: every output on this page was computed by that build.</p>"
    )


def _on_page(
    app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    body = context.get("body")
    if not body:
        return
    repo, branch = app.config.ee4414_github, app.config.ee4414_pages_branch
    page = EXAMPLE_PAGE.match(pagename)
    if page:
        week, stem = page.groups()
        found = NOTEBOOK.search(body)
        exercise = f"exercises/{week}/{stem}_exercise.ipynb"
        buttons = ""
        if found:
            buttons += _button(
                "ee4414-colab", colab_url(repo, branch, found.group(1)), "Open in Colab"
            )
        buttons += _button(
            "ee4414-exercise", context["pathto"](exercise, 1), "Exercise notebook", True
        )
        buttons += _button("ee4414-colab", colab_url(repo, branch, exercise), "Exercise in Colab")
        body = DOWNLOADS_END.sub(lambda m: buttons + m.group(1), body, count=1)
    week_page = WEEK_PAGE.match(pagename)
    if week_page:
        week = week_page.group(1)
        links = " · ".join(
            f'<a href="{escape(context["pathto"](f"exercises/{week}-{kind}.zip", 1))}" download>'
            f"{week.replace('week', 'week ')}'s {kind} as notebooks (zip)</a>"
            for kind in ("exercises", "solutions")
        )
        body = body.replace(
            "</h1>", f'</h1>\n<p class="ee4414-week-downloads">Download {links}</p>', 1
        )
    context["body"] = body + _stamp(app, context["pathto"])


def setup(app: Any) -> dict[str, Any]:
    """Register the settings and the page hook."""
    app.add_config_value("ee4414_github", "ee4414/ee4414", "html")
    app.add_config_value("ee4414_pages_branch", "gh-pages", "html")
    app.connect("html-page-context", _on_page)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
