"""What a code block's figures become on the page: images with alt text, or a player.

Two image scrapers, named in ``sphinx_gallery_conf["image_scrapers"]`` in ``conf.py``:

* ``animation_scraper`` embeds every matplotlib animation of a code block as the
  ``jshtml`` player and closes its figure. sphinx-gallery's own animation support renders
  every animation twice, once more as a GIF thumbnail (with Pillow here, frame by frame:
  about 5 s for W4-1.5), although the example's thumbnail comes from a static figure.
  The player gets an alt text, a labelled slider and the site's own Font Awesome.
* ``figure_scraper`` is sphinx-gallery's matplotlib scraper with an alt text for every
  figure, built from its titles, axis labels and legend (:func:`describe_figure`).
"""

from __future__ import annotations

import os
import re
from html import escape
from pathlib import Path
from textwrap import indent
from typing import Any

from ee4414_offline import FONT_AWESOME_LOCAL, local_font_awesome

# The same container sphinx-gallery uses, so its CSS applies to the player.
_ANIMATION_RST = """
.. container:: sphx-glr-animation

    .. raw:: html

{html}
"""


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
