"""Copy MathJax 4 (pinned in package.json / package-lock.json) into docs/_static/mathjax.

The site serves its own MathJax: nothing is loaded from a CDN. This copies the combined
TeX + MathML -> CommonHTML component, the TeX extensions it may autoload, the
accessibility, menu and speech components (English speech, Nemeth Braille), and the CommonHTML
part of the default font (``mathjax-newcm``) under ``fonts/``, where ``conf.py`` points
MathJax's ``[fonts]`` path. Run it after changing the pinned version:

    cd tools/mathjax && npm ci && cd ../.. && python tools/mathjax/vendor.py
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MODULES = HERE / "node_modules"
TARGET = ROOT / "docs" / "_static" / "mathjax"
# (source under node_modules, target under docs/_static/mathjax)
COPY = [
    ("mathjax/LICENSE", "LICENSE"),
    ("mathjax/tex-mml-chtml.js", "tex-mml-chtml.js"),
    ("mathjax/input/tex/extensions", "input/tex/extensions"),
    ("mathjax/a11y", "a11y"),
    ("mathjax/ui", "ui"),
    ("mathjax/sre/speech-worker.js", "sre/speech-worker.js"),
    ("mathjax/sre/mathmaps/base.json", "sre/mathmaps/base.json"),
    ("mathjax/sre/mathmaps/en.json", "sre/mathmaps/en.json"),
    ("mathjax/sre/mathmaps/nemeth.json", "sre/mathmaps/nemeth.json"),  # Braille
    ("@mathjax/mathjax-newcm-font/LICENSE", "fonts/mathjax-newcm-font/LICENSE"),
    ("@mathjax/mathjax-newcm-font/chtml.js", "fonts/mathjax-newcm-font/chtml.js"),
    ("@mathjax/mathjax-newcm-font/chtml", "fonts/mathjax-newcm-font/chtml"),
]


def main() -> None:
    """Replace docs/_static/mathjax with the pinned MathJax 4 files."""
    version = json.loads((MODULES / "mathjax" / "package.json").read_text())["version"]
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for source, target in COPY:
        src, dst = MODULES / source, TARGET / target
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst)
        elif src.exists():
            shutil.copy2(src, dst)
    (TARGET / "NOTICE.txt").write_text(
        f"MathJax {version} (npm packages mathjax and @mathjax/mathjax-newcm-font), Apache\n"
        "License 2.0 (see LICENSE). Copied by tools/mathjax/vendor.py: the combined component\n"
        "tex-mml-chtml.js, the TeX extensions it may autoload, the accessibility, menu and\n"
        "English speech components and the CommonHTML font, so no page needs a CDN.\n"
    )
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"MathJax {version}: {size / 1e6:.1f} MB in {TARGET}")


if __name__ == "__main__":
    main()
