"""The Colab and exercise buttons, week zips and stamp are added as doctree nodes."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from docutils import nodes
from docutils.utils import new_document
from sphinx import addnodes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import ee4414_downloads as dl  # noqa: E402

PAGE = "auto_examples/week2/plot_w2_1_3_squared_error"


def _app():
    builder = SimpleNamespace(get_target_uri=lambda doc: f"{doc}.html", format="html")
    config = SimpleNamespace(ee4414_github="me/course", ee4414_pages_branch="gh-pages")
    return SimpleNamespace(builder=builder, config=config)


def _example_doctree(with_downloads: bool = True) -> nodes.document:
    doc = new_document("<test>")
    section = nodes.section()
    section += nodes.title("", "W2-1.3")
    doc += section
    if with_downloads:
        footer = nodes.container(classes=["sphx-glr-footer"])
        jupyter = nodes.container(classes=["sphx-glr-download", "sphx-glr-download-jupyter"])
        ref = addnodes.download_reference(reftarget="plot.ipynb")
        ref["filename"] = "abc123/plot_w2_1_3_squared_error.ipynb"
        jupyter += nodes.paragraph("", "", ref)
        python = nodes.container(classes=["sphx-glr-download", "sphx-glr-download-python"])
        zipped = nodes.container(classes=["sphx-glr-download", "sphx-glr-download-zip"])
        footer += [jupyter, python, zipped]
        section += footer
    return doc


def test_example_page_gets_three_buttons_after_the_python_download():
    doc = _example_doctree()
    dl._add_example_buttons(_app(), doc, PAGE)
    footer = next(iter(doc.findall(dl._has_classes("sphx-glr-footer"))))
    classes = [c["classes"][-1] for c in footer.children]
    assert classes == [
        "sphx-glr-download-jupyter",
        "sphx-glr-download-python",
        "ee4414-colab",
        "ee4414-exercise",
        "ee4414-colab",
        "sphx-glr-download-zip",
    ]
    html = "".join(r.astext() for r in footer.findall(nodes.raw))
    assert (
        "https://colab.research.google.com/github/me/course/blob/gh-pages/"
        "_downloads/abc123/plot_w2_1_3_squared_error.ipynb" in html
    )
    assert 'href="../../exercises/week2/plot_w2_1_3_squared_error_exercise.ipynb" download' in html


def test_missing_gallery_buttons_are_a_warning(caplog):
    doc = _example_doctree(with_downloads=False)
    dl._add_example_buttons(_app(), doc, PAGE)
    assert "no sphinx-gallery download buttons found" in caplog.text
    assert not list(doc.findall(nodes.raw))


def test_week_page_links_its_zips_under_the_title():
    doc = _example_doctree(with_downloads=False)
    dl._add_week_downloads(_app(), doc, "auto_examples/week2/index")
    section = doc.children[0]
    assert isinstance(section.children[1], nodes.raw)
    html = section.children[1].astext()
    assert 'href="../../exercises/week2-exercises.zip" download' in html
    assert "week 2's solutions as notebooks (zip)" in html
