"""Checks on what a student reads: example outputs without noise, notebooks without markup.

Run by ``check_site.py`` (so by ``nox -s docs``) on a built site:

- **stray reprs**: no example output shows a matplotlib object's repr, such as
  ``<matplotlib.legend.Legend object at 0x...>`` or ``Text(0.5, 1.0, '...')`` (what a
  code block's last expression returns when it is a plotting call);
- **raw roles**: no Markdown cell of a downloadable notebook, solution
  (``_downloads/**/plot_*.ipynb``) or exercise (``exercises/weekN/*_exercise.ipynb``),
  holds a Sphinx role such as ``:func:`...``` (see ``ee4414_notebook_text``).

    python docs/_ext/check_pages.py docs/_build/html
"""

from __future__ import annotations

import html as html_lib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ee4414_notebook_text import raw_roles  # noqa: E402

_OUTPUT = re.compile(
    r'<div class="sphx-glr-script-out[^"]*"><div class="highlight"><pre>(?P<text>.*?)</pre>',
    re.S,
)
# one line of output that is a matplotlib object's repr, alone or in a list
STRAY_REPR = re.compile(
    r"^\[?(?:<matplotlib\.[\w.]+ object at 0x[0-9a-f]+>"
    r"|(?:Text|Line2D|Legend|Annotation)\(.*\)"
    r"|<(?:Axes|Figure|Colorbar)\b.*>)"
    r"(?:, .*)?\]?$"
)


def output_blocks(page: str) -> list[str]:
    """The text of every example output block on an HTML page."""
    return [
        html_lib.unescape(re.sub(r"<[^>]+>", "", m.group("text"))) for m in _OUTPUT.finditer(page)
    ]


def stray_reprs(html: Path) -> dict[str, list[str]]:
    """Pages whose example outputs show a matplotlib repr, with the offending lines."""
    found: dict[str, list[str]] = {}
    for page in sorted(html.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="replace")
        lines = [
            line
            for block in output_blocks(text)
            for line in block.splitlines()
            if STRAY_REPR.match(line.strip())
        ]
        if lines:
            found[page.relative_to(html).as_posix()] = lines
    return found


def notebooks(html: Path) -> list[Path]:
    """Every downloadable notebook of the site: solutions and exercises."""
    return sorted(html.glob("_downloads/**/plot_*.ipynb")) + sorted(
        html.glob("exercises/**/*_exercise.ipynb")
    )


def roles_in_notebooks(html: Path) -> dict[str, list[str]]:
    """Notebooks whose Markdown cells still hold Sphinx roles, with the roles."""
    found = {}
    for path in notebooks(html):
        roles = raw_roles(json.loads(path.read_text(encoding="utf-8")))
        if roles:
            found[path.relative_to(html).as_posix()] = roles
    return found


def check(html: Path) -> list[str]:
    """Problems found on the built site ``html``; prints what passed."""
    problems = []
    reprs = stray_reprs(html)
    for page, lines in reprs.items():
        problems.append(f"{page}: stray matplotlib repr in an output: {lines[0][:100]}")
    if not reprs:
        print("ok  no example output shows a matplotlib repr")
    books = notebooks(html)
    roles = roles_in_notebooks(html)
    for path, found in roles.items():
        problems.append(f"{path}: {len(found)} raw Sphinx role(s), e.g. {found[0]}")
    if not books:
        problems.append("no downloadable notebooks found")
    elif not roles:
        print(f"ok  no raw Sphinx role in the {len(books)} downloadable notebooks")
    return problems


def main() -> int:
    problems = check(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_build/html"))
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
