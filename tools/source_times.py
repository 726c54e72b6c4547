"""Keep the modification times of unchanged sources across fresh checkouts.

Sphinx decides which pages to read again by comparing each source file's modification
time with the time it last read it. A fresh checkout (every CI run) gives every file a
new time, so a build restored from a cache would still read and write every page again,
although only one example changed.

After a build, :func:`save` records every source file's content hash and time next to
the build. Before the next build, :func:`restore` gives each file whose content is
unchanged its recorded time back. A changed file keeps the checkout's (newer) time, so
Sphinx, and sphinx-gallery, which compares content hashes itself, still see it as
changed. Nothing depends on the commit history or on the clock of the machine that
made the commit.

Usage, from the repository root::

    python tools/source_times.py save docs/_build/source-times.json
    python tools/source_times.py restore docs/_build/source-times.json

``nox -s docs`` does both by itself when ``EE4414_KEEP_BUILD=1`` keeps a previous build.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The folders whose files a docs build reads (sources, templates, the library for
#: autodoc, the examples for the gallery). What a build writes is never recorded.
SOURCES = ("docs", "examples", "src")
SKIP = frozenset(
    {"_build", "auto_examples", "generated", "jupyter_execute", "__pycache__", ".ipynb_checkpoints"}
)


def source_files(root: Path = ROOT) -> Iterator[Path]:
    """Every file under :data:`SOURCES`, outside the folders a build writes."""
    for top in SOURCES:
        for folder, subfolders, files in os.walk(root / top):
            subfolders[:] = sorted(d for d in subfolders if d not in SKIP)
            for name in sorted(files):
                yield Path(folder, name)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(manifest: Path, root: Path = ROOT) -> int:
    """Record each source file's content hash and modification time; return the count."""
    record = {
        path.relative_to(root).as_posix(): [_digest(path), path.stat().st_mtime_ns]
        for path in source_files(root)
    }
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(record, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return len(record)


def restore(manifest: Path, root: Path = ROOT) -> tuple[int, int]:
    """Give unchanged files their recorded times back.

    Returns
    -------
    tuple of int
        ``(restored, changed)``: files whose time was put back, and files that are new
        or whose content differs from the record (their times are left alone).
    """
    if not manifest.is_file():
        return 0, 0
    record = json.loads(manifest.read_text(encoding="utf-8"))
    restored = changed = 0
    for path in source_files(root):
        entry = record.get(path.relative_to(root).as_posix())
        if entry is None or entry[0] != _digest(path):
            changed += 1
            continue
        os.utime(path, ns=(entry[1], entry[1]))
        restored += 1
    return restored, changed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("action", choices=("save", "restore"))
    parser.add_argument("manifest", type=Path)
    args = parser.parse_args(argv)
    if args.action == "save":
        print(f"recorded the times of {save(args.manifest)} source files in {args.manifest}")
    else:
        restored, changed = restore(args.manifest)
        print(f"source times: {restored} unchanged files restored, {changed} new or changed")


if __name__ == "__main__":
    main()
