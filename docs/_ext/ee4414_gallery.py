"""How the gallery runs: animations embedded once, and worker processes only when they pay.

Three jobs, all about build time:

* ``animation_scraper`` embeds every matplotlib animation of a code block as the
  ``jshtml`` player and closes its figure. sphinx-gallery's own animation support renders
  every animation twice, once more as a GIF thumbnail (with Pillow here, frame by frame:
  about 5 s for W4-1.5), although the example's thumbnail comes from a static figure.
* As an extension, it runs the examples in the Sphinx process, without sphinx-gallery's
  worker processes, when fewer than :data:`MIN_EXAMPLES_FOR_WORKERS` will run. A worker
  first imports torch, matplotlib and ee4414 (2-3 s on two cores): that pays when many
  examples run (a clean build), and is pure loss when one changed example runs again.
* ``freeze_gc_before_example`` makes the garbage collection that sphinx-gallery runs
  before every example cheap (0.1-0.2 s each, 56 times, otherwise). sphinx-gallery has
  no hook for that: conf.py plugs it into ``reset_argv``, the one it calls right before
  that collection, and it returns ``[]`` as that hook must (no arguments).
"""

from __future__ import annotations

import gc
import os
import re
from html import escape
from pathlib import Path
from textwrap import indent
from typing import Any

from ee4414_offline import FONT_AWESOME_LOCAL, local_font_awesome
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx_gallery.utils import get_md5sum

logger = logging.getLogger(__name__)

# The same container sphinx-gallery uses, so its CSS applies to the player.
_ANIMATION_RST = """
.. container:: sphx-glr-animation

    .. raw:: html

{html}
"""

#: At least this many examples to execute before worker processes are started.
MIN_EXAMPLES_FOR_WORKERS = 4


def animation_scraper(block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """Embed each animation still open after a code block as a ``jshtml`` player.

    An image scraper in sphinx-gallery's sense: it must run before the ``"matplotlib"``
    scraper, which then sees only the static figures (the animation's figure is closed
    here). The player's frames are rendered once, at the figure's own size and dpi.

    Parameters
    ----------
    block : sphinx_gallery.py_source_parser.Block
        The code block just executed (unused: the animations are found in its globals).
    block_vars : dict
        sphinx-gallery's variables for the block; ``"example_globals"`` is searched.
    gallery_conf : dict
        The gallery configuration; ``"src_dir"`` locates the site's Font Awesome.

    Returns
    -------
    str
        reStructuredText with one raw-HTML player per animation, or ``""``.
    """
    import matplotlib.pyplot as plt
    from matplotlib.animation import Animation

    rst = []
    for value in list(block_vars["example_globals"].values()):
        if not isinstance(value, Animation):
            continue
        # matplotlib has no public accessor for an animation's figure
        figure = value._fig  # type: ignore[attr-defined]
        if not plt.fignum_exists(figure.number):
            continue  # already embedded after an earlier block
        source = Path(block_vars.get("src_file", "?")).name
        first = describe_figure(figure, source)
        html = value.to_jshtml()  # draws every frame: the figure now shows the last one
        last = describe_figure(figure, source)
        html = accessible_player(html, first if first == last else f"from {first} to {last}")
        if "target_file" in block_vars and "src_dir" in gallery_conf:
            # the player's icons from the site: a path relative to the example's page
            page_dir = Path(block_vars["target_file"]).parent
            href = os.path.relpath(Path(gallery_conf["src_dir"]) / FONT_AWESOME_LOCAL, page_dir)
            html = local_font_awesome(html, Path(href).as_posix())
        rst.append(_ANIMATION_RST.format(html=indent(html, " " * 8)))
        plt.close(figure)
    return "".join(rst)


def figure_scraper(block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """sphinx-gallery's matplotlib scraper, with alt texts that say what each figure shows.

    sphinx-gallery's own alt text is the figures' titles joined, the same for every
    figure of a block, or the image's file name when there is no title. Here each figure
    gets :func:`describe_figure`; a figure with no title at all stops the build.

    Parameters
    ----------
    block, block_vars, gallery_conf
        As for any sphinx-gallery image scraper.

    Returns
    -------
    str
        reStructuredText with one image per figure.
    """
    import matplotlib.pyplot as plt
    from sphinx_gallery.scrapers import matplotlib_scraper

    source = Path(block_vars.get("src_file", "?")).name
    alts = [describe_figure(plt.figure(n), source) for n in plt.get_fignums()]
    rst = matplotlib_scraper(block, block_vars, gallery_conf)
    described = iter(alts)
    return _ALT_OPTION.sub(lambda m: m.group(1) + next(described, m.group(2)), rst)


_ALT_OPTION = re.compile(r"^(\s*:alt: )(.*)$", re.MULTILINE)
_TEX_WRAPPER = re.compile(r"\\(?:mathrm|mathbf|mathit|boldsymbol|text|operatorname)\{([^{}]*)\}")
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)")


def _plain(text: str) -> str:
    """Matplotlib text as plain words: ``$\\mathbf{w}_1$`` -> ``w_1``."""
    text = _TEX_WRAPPER.sub(r"\1", text)
    text = _TEX_COMMAND.sub(r"\1", text)
    text = re.sub(r"[${}]", "", text)
    return " ".join(text.split())


def describe_figure(figure: Any, source: str = "") -> str:
    """One line that says what a figure shows, from its titles, axis labels and legends.

    ``"Training loss: loss against epoch (lr = 0.1, lr = 0.01)"``; with several panels,
    the figure's title (``suptitle``) and then each panel. Used as the image's alt text.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
    source : str
        The example's file name, named in the error.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If neither the figure nor any of its axes has a title: a reader who cannot see
        the figure would learn nothing from it.
    """
    suptitle = figure.get_suptitle() if hasattr(figure, "get_suptitle") else ""
    panels = []
    titled = bool(suptitle)
    for ax in figure.axes:
        if not ax.get_visible() or hasattr(ax, "_colorbar"):
            continue
        title = " ".join(t for t in (ax.get_title(loc) for loc in ("left", "center", "right")) if t)
        titled = titled or bool(title)
        x, y = _plain(ax.get_xlabel()), _plain(ax.get_ylabel())
        words = [_plain(title)] if title else []
        if x and y:
            words.append(f"{y} against {x}")
        elif x or y:
            words.append(x or y)
        legend = ax.get_legend()
        labels = [_plain(t.get_text()) for t in legend.get_texts()] if legend else []
        if labels:
            words.append(f"({', '.join(label for label in labels if label)})")
        panel = ": ".join(words[:2]) + (" " + " ".join(words[2:]) if words[2:] else "")
        if panel:
            panels.append(panel)
    if not titled:
        raise ValueError(
            f"{source}: a figure has no title (fig.suptitle or ax.set_title); its alt text"
            " would say nothing about what it shows"
        )
    parts = ([_plain(suptitle)] if suptitle else []) + panels
    if len(panels) > 1:
        parts = ([_plain(suptitle)] if suptitle else []) + [
            f"panel {i}, {p}" for i, p in enumerate(panels, 1)
        ]
    return "; ".join(parts).replace("\n", " ")


def accessible_player(html: str, description: str) -> str:
    """Matplotlib's ``jshtml`` player with a described frame and a labelled slider.

    The frame image gets ``alt`` (the figure's description), the frame slider a label,
    and the icon fonts in the buttons (already labelled) are hidden from screen readers.
    Every control is a native button, slider or radio button, so the player works from
    the keyboard (Tab, Space, arrow keys).

    Parameters
    ----------
    html : str
        The output of :meth:`matplotlib.animation.Animation.to_jshtml`.
    description : str
        What the animation shows.

    Returns
    -------
    str

    Raises
    ------
    ValueError
        If matplotlib's player no longer has the image or slider this expects.
    """
    alt = escape(f"Animation: {description}", quote=True)
    fixed = re.sub(r'(<img id="_anim_img\w+")', rf'\1 alt="{alt}"', html, count=1)
    fixed = re.sub(
        r'(<input id="_anim_slider\w+")', r'\1 aria-label="Animation frame"', fixed, count=1
    )
    if fixed.count("alt=") != html.count("alt=") + 1 or "Animation frame" not in fixed:
        raise ValueError("matplotlib's jshtml player changed: no frame image or slider found")
    return fixed.replace('<i class="fa', '<i aria-hidden="true" class="fa')


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
