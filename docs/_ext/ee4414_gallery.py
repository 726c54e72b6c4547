"""How the gallery runs its examples: worker processes only when they pay, a cheap GC.

* As an extension, it runs the examples in the Sphinx process, without sphinx-gallery's
  worker processes, when fewer than :data:`MIN_EXAMPLES_FOR_WORKERS` will run. A worker
  first imports torch, matplotlib and ee4414 (2-3 s on two cores): that pays when many
  examples run (a clean build), and is pure loss when one changed example runs again.
* ``freeze_gc_before_example`` makes the garbage collection that sphinx-gallery runs
  before every example cheap (0.1-0.2 s each, 56 times, otherwise). sphinx-gallery has
  no hook for that: conf.py plugs it into ``reset_argv``, the one it calls right before
  that collection, and it returns ``[]`` as that hook must (no arguments).

The figures and animations of each example are handled by ``ee4414_scrapers``.
"""

from __future__ import annotations

import gc
import os
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx_gallery.utils import get_md5sum

logger = logging.getLogger(__name__)

#: At least this many examples to execute before worker processes are started.
MIN_EXAMPLES_FOR_WORKERS = 4


def freeze_gc_before_example(
    gallery_conf: dict[str, Any], script_vars: dict[str, Any]
) -> list[str]:
    """Freeze the long-lived objects before an example; it runs without arguments.

    Used as sphinx-gallery's ``reset_argv`` hook, the one that sphinx-gallery calls,
    then ``gc.collect()``, before every example. In a
    process that has imported torch, matplotlib and Sphinx, a full collection walks some
    200 000 objects that will live to the end of the build (0.1-0.2 s on two cores).
    Collecting once here and moving the survivors to the permanent generation
    (:func:`gc.freeze`) leaves that collection only what the previous example created.

    Parameters
    ----------
    gallery_conf, script_vars : dict
        sphinx-gallery's configuration and the example's variables (unused).

    Returns
    -------
    list of str
        ``[]``: the example's ``sys.argv[1:]``.
    """
    gc.collect()
    gc.freeze()
    return []


def examples_to_run(examples: Path, gallery: Path, pattern: str | None) -> int:
    """Count the examples that sphinx-gallery will execute in this build.

    Parameters
    ----------
    examples : pathlib.Path
        The examples folder (``examples/weekN/plot_*.py``).
    gallery : pathlib.Path
        Where sphinx-gallery writes them (``docs/auto_examples``), with the ``.md5``
        file it leaves beside each example that ran without error.
    pattern : str or None
        ``nox -s docs -- PATTERN``: then exactly the examples whose path matches run,
        changed or not. Otherwise those that are new or changed run.

    Returns
    -------
    int
    """
    sources = sorted(examples.glob("week*/plot_*.py"))
    if pattern:
        regex = re.compile(pattern)
        return sum(regex.search(os.fspath(source)) is not None for source in sources)
    return sum(_changed(source, gallery / source.relative_to(examples)) for source in sources)


def _changed(source: Path, target: Path) -> bool:
    """Whether sphinx-gallery will execute ``source`` again (its ``.md5`` differs)."""
    md5 = Path(f"{target}.md5")
    return not md5.exists() or md5.read_text() != get_md5sum(source, mode="t")


def _serial_when_few_run(app: Sphinx) -> None:
    """Run the examples in the Sphinx process when too few run to pay for workers.

    Connected to ``builder-inited`` ahead of sphinx-gallery: the HTML builder has already
    hashed the configuration by then, so switching ``parallel`` off here does not make
    Sphinx rewrite every page, as a different ``parallel`` in ``conf.py`` would.
    """
    conf = app.config.sphinx_gallery_conf
    if not conf["parallel"]:
        return
    src = Path(app.srcdir)
    pattern = conf["filename_pattern"] if conf["run_stale_examples"] else None
    count = sum(
        examples_to_run(src / examples, src / gallery, pattern)
        for examples, gallery in zip(conf["examples_dirs"], conf["gallery_dirs"], strict=True)
    )
    if count < MIN_EXAMPLES_FOR_WORKERS:
        logger.info(f"[ee4414] {count} example(s) to run: no worker processes")
        conf["parallel"] = False


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the switch to serial execution (the scraper is named in ``conf.py``)."""
    app.setup_extension("sphinx_gallery.gen_gallery")
    app.connect("builder-inited", _serial_when_few_run, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
