"""Sphinx configuration of the EE4414 course site.

furo theme; MyST pages through myst-nb; the week-by-week examples executed by
sphinx-gallery; the API reference by autodoc + autosummary. Nothing on a built page is
loaded from another host: MathJax and Font Awesome are served from ``_static`` and
``_ext/ee4414_offline.py`` guards the rest. Build it with ``nox -s docs``.

Environment variables read here:

``EE4414_GALLERY_PATTERN``
    a regular expression; only the examples whose path matches it are executed (set by
    ``nox -s docs -- PATTERN``). The others keep their last outputs.
``EE4414_OFFLINE``
    when set, intersphinx reads only the inventories kept in ``_intersphinx/`` instead
    of trying the official sites first.
``EE4414_SITE_URL``, ``EE4414_GITHUB``
    where the site is published and its GitHub repository (``OWNER/REPO``); without
    them they are derived from Read the Docs' or GitHub Actions' variables (see
    ``_ext/ee4414_hosting.py``), so a fork's build points at the fork.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Sphinx depends on tomli before 3.11
    import tomli as tomllib

import ee4414

HERE = Path(__file__).parent.resolve()
sys.path.insert(0, str(HERE / "_ext"))

from ee4414_course import course, gallery_order, rst_substitutions, substitutions
from ee4414_hosting import hosting
from ee4414_install import install_cell

# -- Project ---------------------------------------------------------------------------
project = "EE4414"
author = "EE4414 teaching team"
copyright = f"2026, {author}"
version = release = ee4414.__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.mathjax",
    "sphinx.ext.viewcode",
    "myst_nb",
    "sphinx_gallery.gen_gallery",
    "ee4414_gallery",  # examples run without worker processes when few run; cheap GC
    "ee4414_schedule",  # each week's longest examples start first
    "sphinx_copybutton",
    "sphinx_design",
    "ee4414_timing_pages",  # sphinx-gallery's timing pages: plain tables, no CDN, no search
    "ee4414_offline",  # local Font Awesome; fails the build on a page that loads a CDN
    "ee4414_data_docs",  # re-exported constants keep their #: doc comment
    "ee4414_types",  # docstring types "torch.Tensor, shape (*, 2, 1)": link + literal shape
    "ee4414_public_names",  # torch._tensor.Tensor, bare Axes, ... link to the public name
    "ee4414_signatures",  # dataclass signatures show `= []`, not `= <factory>`
    "ee4414_course_inventories",  # links the official inventories lack, from _intersphinx/
    "ee4414_exercises",  # writes exercises/weekN/*_exercise.ipynb after the build
    "ee4414_notebook_text",  # Sphinx roles in notebooks become Markdown links and code
    "ee4414_figure_text",  # fails the build on figure text under 11 px on screen
    "ee4414_backrefs",  # "Examples using X" lists only examples whose code uses X
    "ee4414_downloads",  # Open-in-Colab and exercise buttons, week zips, build stamp
    "ee4414_wheel",  # the library's wheel, published with the site under wheels/
    "ee4414_navigation",  # furo's sidebar tree built once per build, not once per page
    "ee4414_course",  # the home page's week cards, from examples/weekN/GALLERY_HEADER.rst
]

# -- The course: its weeks are the examples/weekN folders ------------------------------
# A new week is a new folder: the gallery's order, the home page's cards, the zip table
# and the texts that name the weeks (|weeks| in reST, {{ weeks }} in MyST: "weeks 1 to
# 6"; |week_count|, {{ week_count }}: "six") all come from _ext/ee4414_course.py.
EXAMPLES = HERE.parent / "examples"
COURSE = course(EXAMPLES)
rst_prolog = rst_substitutions(COURSE)
myst_substitutions = substitutions(COURSE)

# -- Hosting: where the built site (and so its notebooks and wheel) is published -------
# One setting, read from the environment (EE4414_SITE_URL, EE4414_GITHUB, or what Read
# the Docs and GitHub Actions say): every notebook's first cell installs the wheel from
# <site>/wheels/, and the "Open in Colab" buttons open notebooks from the repository's
# gh-pages branch.
HOSTING = hosting(os.environ)
# the PyTorch pin and its CPU index live in pyproject.toml, with the rest of the tooling
_TOOL = tomllib.loads((HERE.parent / "pyproject.toml").read_text())["tool"]["ee4414"]
ee4414_torch, ee4414_torch_cpu_index = _TOOL["torch"], _TOOL["torch-cpu-index"]
html_baseurl = ee4414_site_url = HOSTING.site_url
ee4414_github = HOSTING.github
ee4414_pages_branch = "gh-pages"

templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "_intersphinx",
    "_ext",
    "jupyter_execute",
    "**.ipynb_checkpoints",
    # sphinx-gallery writes a notebook (and .py, .zip, .md5 ...) beside every example
    # page; only its .rst is a source, or myst-nb would read each example twice
    "auto_examples/**.ipynb",
    "auto_examples/**.md",
    "auto_examples/**.py",
]
root_doc = "index"
# colour schemes that keep every token at 4.5:1 contrast or more (WCAG AA), from the
# accessible-pygments package
pygments_style = "a11y-light"
pygments_dark_style = "a11y-dark"

# -- HTML ------------------------------------------------------------------------------
html_theme = "furo"
html_title = "EE4414: deep learning with PyTorch"
html_short_title = "EE4414"
html_static_path = ["_static"]
html_favicon = "_static/favicon.svg"  # served here: browsers would ask for /favicon.ico
html_css_files = ["ee4414.css"]
# scroll regions reachable by keyboard, figures that open full size
html_js_files = [("ee4414.js", {"defer": "defer"})]
html_last_updated_fmt = None
html_show_sourcelink = False
html_theme_options = {
    "navigation_with_keys": True,
    "top_of_page_buttons": [],
}

# -- Math: MathJax 4 served from the site (Sphinx's default loads it from a CDN) --------
# tools/mathjax/vendor.py copies it from npm. A display equation wider than its column
# (a phone) is broken into lines; what cannot break scrolls, with a cue (ee4414.css).
mathjax_path = "mathjax/tex-mml-chtml.js"
mathjax4_config = {
    "loader": {"paths": {"fonts": "[mathjax]/fonts"}},
    "output": {"displayOverflow": "linebreak", "linebreaks": {"inline": True, "width": "96%"}},
}

# -- API reference ---------------------------------------------------------------------
autosummary_generate = True
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autoclass_content = "class"
autodoc_default_options = {"members": True, "exclude-members": "extra_repr"}
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_param = True
napoleon_use_rtype = True
napoleon_use_ivar = True  # "Attributes" as fields: dataclass fields are not documented twice
napoleon_preprocess_types = False  # _ext/ee4414_types.py links the types (shapes)

# -- Links to Python, PyTorch, NumPy and Matplotlib ------------------------------------
# Each entry tries the official inventory first and falls back to a file kept here, so
# an offline build still links (and a failed first location is only logged, not warned).
_OFFLINE = bool(os.environ.get("EE4414_OFFLINE"))


def _inventory(url: str, local: str) -> tuple[str, tuple[str | None, ...]]:
    path = f"_intersphinx/{local}"
    return url, ((path,) if _OFFLINE else (None, path))


intersphinx_mapping = {
    "python": _inventory("https://docs.python.org/3/", "python.inv"),
    "torch": _inventory("https://docs.pytorch.org/docs/stable/", "torch.inv"),
    "numpy": _inventory("https://numpy.org/doc/stable/", "numpy.inv"),
    "matplotlib": _inventory("https://matplotlib.org/stable/", "matplotlib.inv"),
}
# A name that the official inventory lacks (an alias such as torch.nn.Parameter) is
# looked up in the course's own list too, so an online build links all that an offline
# one does (see _ext/ee4414_course_inventories.py).
ee4414_course_inventories = {
    name: (intersphinx_mapping[name][0], f"_intersphinx/{name}.inv")
    for name in ("torch", "numpy", "matplotlib")
}
intersphinx_timeout = 5  # seconds; an unreachable site falls back quickly

# -- MyST pages (myst-nb) --------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "dollarmath", "deflist", "attrs_inline", "substitution"]
myst_heading_anchors = 3
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 300
nb_execution_excludepatterns = ["auto_examples/**", "**/auto_examples/**"]
nb_merge_streams = True
# stderr of the executed pages is noise here (tqdm's notice that Jupyter widgets are not
# installed); a cell that fails still fails the build
nb_output_stderr = "remove"

# -- The gallery (sphinx-gallery) ------------------------------------------------------
_pattern = os.environ.get("EE4414_GALLERY_PATTERN", "")
sphinx_gallery_conf = {
    "examples_dirs": ["../examples"],
    "gallery_dirs": ["auto_examples"],
    "subsection_order": gallery_order(EXAMPLES),  # the weeks, in order
    "within_subsection_order": "ee4414_order.exercise_order",
    # every example runs; `nox -s docs -- PATTERN` runs only the matching ones, again
    # even when unchanged (the library they import may have changed)
    "filename_pattern": _pattern or r"/plot_",
    "run_stale_examples": bool(_pattern),
    "only_warn_on_example_error": False,  # an example that raises fails the build
    "abort_on_example_error": False,  # ... after reporting every failing example
    "backreferences_dir": "generated/backreferences",
    "doc_module": ("ee4414",),
    # `reference_url` is a deprecated no-op in sphinx-gallery 0.22: code links to the
    # ee4414 API come from this build, the others from intersphinx_mapping above.
    # animations become jshtml players (rendered once, no GIF thumbnail), then the
    # static figures are saved, each with an alt text that says what it shows
    # (the figure-text recorder first: it measures every open figure, animations too)
    "image_scrapers": (
        "ee4414_figure_text.text_scraper",
        "ee4414_scrapers.animation_scraper",
        "ee4414_scrapers.figure_scraper",
    ),
    "remove_config_comments": True,
    # a code block's last expression is not shown: examples print what they mean to show,
    # and a plotting call's return value (Text(...), <...Legend object at 0x...>) is noise
    "capture_repr": (),
    # matplotlib's defaults, then a base font that stays legible on the page
    "reset_modules": ("matplotlib", "ee4414_figure_text.legible_fonts"),
    "download_all_examples": True,
    "min_reported_time": 0,
    "first_notebook_cell": install_cell(ee4414.__version__, HOSTING.site_url),
    "promote_jupyter_magic": False,
    # as many worker processes as `sphinx-build -j` allows; _ext/ee4414_gallery.py
    # turns them off when only a few examples run (a worker spends 2-3 s on imports)
    "parallel": True,
    # the hook sphinx-gallery calls before each example's gc.collect(): freezing the
    # long-lived objects there makes that collection cheap; the examples take no arguments
    "reset_argv": "ee4414_gallery.freeze_gc_before_example",
}

# -- Copy button: copy the code, not the prompts or outputs ----------------------------
copybutton_exclude = ".linenos, .gp, .go"
