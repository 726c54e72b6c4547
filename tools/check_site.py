"""Checks on the site that a Sphinx warning would not catch. Run by `nox -s docs`.

usage: python tools/check_site.py [HTML_DIR]

1. Each offline intersphinx inventory in docs/_intersphinx loads and resolves a name the
   course uses to the official documentation.
2. With HTML_DIR (a built site):
   - every public name of ``ee4414`` has its API page;
   - links into the Python, PyTorch and Matplotlib docs are present;
   - MathJax is served from the site, and no page loads anything from another host;
   - no stray matplotlib repr in an example's output, no raw Sphinx role in a notebook
     (``check_pages.py``).

Exits non-zero with a list of problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sphinx.util.inventory import InventoryFile

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import check_pages  # example outputs and notebooks: its own module
from ee4414_offline import third_party_loads  # the build's own check, once more

INVENTORIES = {
    # inventory: (base URL, role, a name to resolve, the page it must resolve to)
    "python": ("https://docs.python.org/3/", "py:function", "zip", "library/functions.html"),
    "torch": (
        "https://docs.pytorch.org/docs/stable/",
        "py:function",
        "torch.zeros",
        "generated/torch.zeros.html",
    ),
    "numpy": (
        "https://numpy.org/doc/stable/",
        "py:function",
        "numpy.linspace",
        "reference/generated/numpy.linspace.html",
    ),
    "matplotlib": (
        "https://matplotlib.org/stable/",
        "py:function",
        "matplotlib.pyplot.subplots",
        "api/_as_gen/matplotlib.pyplot.subplots.html",
    ),
}
EXTERNAL_LINKS = {
    "python": 'href="https://docs.python.org/3/',
    "torch": 'href="https://docs.pytorch.org/docs/stable/',
    "matplotlib": 'href="https://matplotlib.org/stable/',
}


def check_inventories() -> list[str]:
    problems = []
    for name, (base, role, target, page) in INVENTORIES.items():
        path = DOCS / "_intersphinx" / f"{name}.inv"
        inv = InventoryFile.loads(path.read_bytes(), uri=base).data
        entry = inv.get(role, {}).get(target)
        if entry is None:
            problems.append(f"{path.name}: {role} {target} not found")
            continue
        uri = entry.uri
        if not uri.startswith(base + page):
            problems.append(f"{path.name}: {target} -> {uri}, expected {base + page}")
        else:
            print(f"ok  {path.name:15} {target} -> {uri}")
    return problems


def check_html(html: Path) -> list[str]:
    import ee4414

    problems = []
    pages = {p: p.read_text(encoding="utf-8", errors="replace") for p in html.rglob("*.html")}
    missing = [
        n
        for n in ee4414.__all__
        if n != "__version__" and not (html / "api" / "generated" / f"ee4414.{n}.html").is_file()
    ]
    if missing:
        problems.append(f"API pages missing for: {', '.join(missing)}")
    else:
        print(f"ok  an API page for each of the {len(ee4414.__all__) - 1} public names")
    site = "\n".join(pages.values())
    for project, needle in EXTERNAL_LINKS.items():
        if needle not in site:
            problems.append(f"no link into the {project} documentation")
        else:
            print(f"ok  links into the {project} documentation ({site.count(needle)})")
    math_pages = [p for p, t in pages.items() if 'class="math' in t]
    for p in math_pages:
        if "_static/mathjax/tex-mml-chtml.js" not in pages[p]:
            problems.append(f"{p.relative_to(html)} has math but does not load the local MathJax")
    print(f"ok  {len(math_pages)} pages with math load MathJax from _static/mathjax")
    loads = [f"{p.relative_to(html)}: {x}" for p, t in pages.items() for x in third_party_loads(t)]
    problems += [f"loads from another host: {x}" for x in loads]
    if not loads:
        print(f"ok  none of {len(pages)} pages loads anything from another host")
    return problems


def main() -> int:
    problems = check_inventories()
    if len(sys.argv) > 1:
        problems += check_html(Path(sys.argv[1]))
        problems += check_pages.check(Path(sys.argv[1]))
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
