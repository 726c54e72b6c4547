"""The site checks on example outputs and mini-galleries (tools/check_pages.py) and the
mini-gallery filter (docs/_ext/ee4414_backrefs.py), on small hand-made sites."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))

import check_pages  # noqa: E402
import ee4414_backrefs  # noqa: E402

OUT = (
    '<div class="sphx-glr-script-out highlight-none notranslate"><div class="highlight">'
    "<pre><span></span>{}</pre></div></div>"
)


def _page(tmp_path: Path, name: str, *outputs: str) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<html>" + "".join(OUT.format(o) for o in outputs) + "</html>")


@pytest.mark.parametrize(
    "line",
    [
        "&lt;matplotlib.legend.Legend object at 0x7f5d82a56d90&gt;",
        "Text(0.5, 0.988425, &#39;A_ has shape (2, 3, 2)&#39;)",
        "[&lt;matplotlib.lines.Line2D object at 0x7f5d829a72d0&gt;]",
        "&lt;matplotlib.contour.QuadContourSet object at 0x7ff01c33c0d0&gt;",
    ],
)
def test_stray_reprs_are_found(tmp_path, line):
    _page(tmp_path, "auto_examples/week1/plot_a.html", "loss 0.1", line)
    found = check_pages.stray_reprs(tmp_path)
    assert list(found) == ["auto_examples/week1/plot_a.html"]


def test_printed_values_are_not_reprs(tmp_path):
    _page(tmp_path, "plot_b.html", "x: (4, 2, 1), c: (4, 1, 1)", "Text and numbers: 0.5")
    assert check_pages.stray_reprs(tmp_path) == {}


def test_names_used_in_code_not_in_text():
    source = '"""Uses :class:`ee4414.Linear` in text."""\nimport ee4414\nfrom ee4414 import xor\n'
    source += "# ee4414.MLP in a comment\nmodel = ee4414.TwoLayerNN()\n"
    assert check_pages.ee4414_names_in_code(source) == {"xor", "TwoLayerNN"}


def _site(tmp_path: Path, codeobj: dict) -> tuple[Path, Path, Path]:
    html, examples, gallery = tmp_path / "html", tmp_path / "examples", tmp_path / "gallery"
    page = html / "api" / "generated" / "ee4414.Linear.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<div class="sphx-glr-thumbcontainer" tooltip="t"><img src="x.png" />'
        '<p><a class="reference internal" href="../../auto_examples/week1/plot_a.html">'
        "A</a></p></div>"
    )
    (examples / "week1").mkdir(parents=True)
    (examples / "week1" / "plot_a.py").write_text('"""Mentions :class:`ee4414.Linear`."""\n')
    (gallery / "week1").mkdir(parents=True)
    (gallery / "week1" / "plot_a.codeobj.json").write_text(json.dumps(codeobj))
    return html, examples, gallery


def test_a_mini_gallery_entry_that_only_mentions_the_name_is_reported(tmp_path):
    cobj = {"module": "ee4414", "module_short": "ee4414", "name": "Linear", "is_explicit": True}
    html, examples, gallery = _site(tmp_path, {"ee4414.Linear": [cobj]})
    found = check_pages.mini_gallery_mentions(html, examples, gallery)
    assert found == {"ee4414.Linear.html": ["week1/plot_a"]}


def test_an_object_of_the_class_in_the_code_counts_as_a_use(tmp_path):
    cobj = {"module": "ee4414", "module_short": "ee4414", "name": "Linear", "is_explicit": False}
    html, examples, gallery = _site(tmp_path, {"layer.w": [cobj]})
    assert check_pages.mini_gallery_mentions(html, examples, gallery) == {}


def test_the_filter_keeps_only_examples_whose_code_uses_the_name(tmp_path):
    gallery = tmp_path / "auto_examples" / "week1"
    gallery.mkdir(parents=True)
    mention = {"module": "ee4414", "module_short": "ee4414", "name": "Linear", "is_explicit": True}
    use = dict(mention, is_explicit=False)
    (gallery / "plot_a.codeobj.json").write_text(json.dumps({"ee4414.Linear": [mention]}))
    (gallery / "plot_b.codeobj.json").write_text(json.dumps({"ee4414.Linear": [use]}))
    entry = ["plot_{}.py", "../examples/week1", "auto_examples/week1", "intro", "title"]
    backrefs = {
        "ee4414.Linear": [[entry[0].format(s), *entry[1:]] for s in "ab"],
        "ee4414.xor": [[entry[0].format("a"), *entry[1:]]],
    }
    kept, dropped = ee4414_backrefs.filter_backreferences(backrefs, tmp_path)
    assert dropped == 2
    assert kept == {"ee4414.Linear": [["plot_b.py", *entry[1:]]]}
