"""Checks on what a student reads: example outputs without noise, notebooks without markup.

Run by ``check_site.py`` (so by ``nox -s docs``) on a built site:

- **stray reprs**: no example output shows a matplotlib object's repr, such as
  ``<matplotlib.legend.Legend object at 0x...>`` or ``Text(0.5, 1.0, '...')`` (what a
  code block's last expression returns when it is a plotting call);
- **raw roles**: no Markdown cell of a downloadable notebook, solution
  (``_downloads/**/plot_*.ipynb``) or exercise (``exercises/weekN/*_exercise.ipynb``),
  holds a Sphinx role such as ``:func:`...``` (see ``ee4414_notebook_text``);
- **mini-galleries**: every example listed under "Examples using X" on the API page of
  ``ee4414.X`` uses X in its code: ``ee4414.X`` or an import in the source, or an object
  of X that sphinx-gallery found in the code (``is_explicit`` false in the example's
  ``.codeobj.json``); a mention in the text is not a use (see ``ee4414_backrefs``).

    python tools/check_pages.py docs/_build/html
"""

from __future__ import annotations

import ast
import html as html_lib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

from ee4414_notebook_text import raw_roles

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


_THUMB_LINK = re.compile(
    r'<div class="sphx-glr-thumbcontainer"[^>]*>.*?href="(?:\.\./)*auto_examples/'
    r'(?P<example>week\d/plot_\w+)\.html"',
    re.S,
)
EXAMPLES = ROOT / "examples"
GALLERY = ROOT / "docs" / "auto_examples"


def ee4414_names_in_code(source: str) -> set[str]:
    """The names of ``ee4414`` that a script's code uses (``ee4414.X`` or an import)."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "ee4414"
        ):
            names.add(node.attr)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ee4414"):
            names |= {alias.name for alias in node.names}
    return names


def _used_in_code(example: str, examples: Path, gallery: Path) -> set[str]:
    names = ee4414_names_in_code((examples / f"{example}.py").read_text(encoding="utf-8"))
    codeobj = gallery / f"{example}.codeobj.json"
    if codeobj.is_file():
        for cobjs in json.loads(codeobj.read_text(encoding="utf-8")).values():
            names |= {
                c["name"].split(".")[0]
                for c in cobjs
                if c["module"] == "ee4414" and not c.get("is_explicit")
            }
    return names


def mini_gallery_mentions(
    html: Path, examples: Path = EXAMPLES, gallery: Path = GALLERY
) -> dict[str, list[str]]:
    """API pages whose "Examples using X" list an example that does not use X in code."""
    found: dict[str, list[str]] = {}
    used: dict[str, set[str]] = {}
    for page in sorted((html / "api" / "generated").glob("ee4414.*.html")):
        name = page.stem.split(".")[1]
        for m in _THUMB_LINK.finditer(page.read_text(encoding="utf-8", errors="replace")):
            example = m.group("example")
            if example not in used:
                used[example] = _used_in_code(example, examples, gallery)
            if name not in used[example]:
                found.setdefault(page.name, []).append(example)
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
    mentions = mini_gallery_mentions(html)
    for page, examples in mentions.items():
        problems.append(
            f"{page}: Examples using it lists {', '.join(examples)}, whose code does not"
        )
    if not mentions:
        print("ok  every example in an API page's mini-gallery uses the name in its code")
    return problems


def main() -> int:
    problems = check(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/_build/html"))
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
