"""A generated Sphinx site of many small pages, for the navigation test and benchmark.

Nested sections, two captioned toctrees (one section's toctree hidden), pages with
subpages, an orphan page and an external link: every shape furo's sidebar meets.
"""

from __future__ import annotations

from pathlib import Path

EXT = Path(__file__).resolve().parents[1] / "docs" / "_ext"


def write_site(src: Path, sections: int, pages: int, subpages: int, *, navigation: bool) -> int:
    """Write the site into ``src``; return how many pages it has.

    ``navigation`` switches the ``ee4414_navigation`` extension on; without it furo
    builds every page's tree itself.
    """
    src.mkdir(parents=True, exist_ok=True)
    extensions = ["ee4414_navigation"] if navigation else []
    (src / "conf.py").write_text(
        f"import sys; sys.path.insert(0, {str(EXT)!r})\n"
        f"extensions = {extensions!r}\nhtml_theme = 'furo'\nproject = 'nav'\n"
    )
    names = [f"s{i}/index" for i in range(sections)]
    half = sections // 2
    (src / "index.rst").write_text(
        "Home\n====\n\n.. toctree::\n   :caption: Course\n\n"
        + "".join(f"   {s}\n" for s in names[:half])
        + "\n.. toctree::\n   :caption: More\n\n"
        + "".join(f"   {s}\n" for s in names[half:])
        + "   Python <https://docs.python.org/3/>\n"
    )
    (src / "orphan.rst").write_text(":orphan:\n\nNot in any toctree\n==================\n")
    count = 2
    for i in range(sections):
        folder = src / f"s{i}"
        folder.mkdir()
        entries = [f"p{j}/index" if j % 2 == 0 else f"p{j}" for j in range(pages)]
        hidden = "   :hidden:\n" if i == sections - 1 else ""
        (folder / "index.rst").write_text(
            f"Section {i}\n=========\n\n.. toctree::\n{hidden}\n"
            + "".join(f"   {p}\n" for p in entries)
        )
        count += 1
        for j, entry in enumerate(entries):
            path = folder / f"{entry}.rst"
            path.parent.mkdir(exist_ok=True)
            body = f"Page {i}.{j} <&>\n===============\n\nText.\n\nA part\n------\n\nMore.\n"
            if entry.endswith("index"):
                subs = [f"q{k}" for k in range(subpages)]
                body += "\n.. toctree::\n\n" + "".join(f"   {q}\n" for q in subs)
                for q in subs:
                    (path.parent / f"{q}.rst").write_text(f"Sub {q}\n======\n\nText.\n")
                    count += 1
            path.write_text(body)
            count += 1
    return count
