"""The sidebar navigation built once per build is byte for byte furo's own.

A generated site of a few hundred pages (tools/synthetic_site.py: nested sections, two
captioned toctrees, a hidden toctree, an orphan page, an external link) is built with
`EE4414_NAV_VERIFY=1`: every page's tree is computed both ways and any difference is a
warning, which `-W` turns into a failed build.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))
sys.path.insert(0, str(ROOT / "tools"))

import ee4414_navigation as nav  # noqa: E402
import furo  # noqa: E402
from sphinx.cmd.build import build_main  # noqa: E402
from synthetic_site import write_site  # noqa: E402

SITE = {"sections": 8, "pages": 10, "subpages": 3}  # 8 * (1 + 10 + 5 * 3) + 2 = 210 pages


def test_navigation_is_furos_on_every_page(tmp_path, monkeypatch):
    if furo.__version__ not in nav.TESTED_FURO:
        pytest.fail(f"furo {furo.__version__}: add it to TESTED_FURO once this test passes")
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    pages = write_site(src, **SITE, navigation=True)
    assert pages > 200
    monkeypatch.setenv("EE4414_NAV_VERIFY", "1")
    status = build_main(["-W", "-q", "-b", "html", str(src), str(out)])
    assert status == 0
    replacement = furo._compute_navigation_tree
    assert isinstance(replacement, nav._Navigation)
    assert replacement.verified >= pages  # every page compared, none differed
    page = (out / "s2" / "p2" / "q1.html").read_text()
    assert 'class="current reference internal" href="#"' in page
    assert 'class="toctree-l1 current has-children"' in page
    monkeypatch.setattr(furo, "_compute_navigation_tree", replacement.furo_compute)


def test_untested_furo_keeps_furos_own_code(tmp_path, monkeypatch):
    original = furo._compute_navigation_tree
    monkeypatch.setattr(furo, "__version__", "1999.1.1")
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys; sys.path.insert(0, {str(ROOT / 'docs' / '_ext')!r})\n"
        "extensions = ['ee4414_navigation']\nhtml_theme = 'furo'\n"
    )
    (src / "index.rst").write_text("Home\n====\n")
    assert build_main(["-q", "-b", "html", str(src), str(tmp_path / "out")]) == 0
    assert furo._compute_navigation_tree is original


@pytest.mark.parametrize(
    ("tag", "name", "before", "expected"),
    [
        ("<ul>", "current", None, '<ul class="current">'),
        (
            '<li class="toctree-l1 has-children">',
            "current",
            "has-children",
            '<li class="toctree-l1 current has-children">',
        ),
        (
            '<li class="toctree-l2 current">',
            "current-page",
            None,
            '<li class="toctree-l2 current current-page">',
        ),
    ],
)
def test_add_class(tag, name, before, expected):
    assert nav._add_class(tag, name, before) == expected


def test_relative_links():
    assert nav._relative("a/b/c.html", "a/b/c.html") == "#"
    assert nav._relative("a/b/c.html", "a/d.html") == "../d.html"
    assert nav._relative("index.html", "a/d.html#x") == "a/d.html#x"
    assert nav._relative("a/b.html", "https://x.org/") == "https://x.org/"
