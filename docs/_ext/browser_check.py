"""Check the built site in a real browser (Debian's Chromium, driven by Playwright).

Serves ``docs/_build/html`` on 127.0.0.1 and, for every page: no console error, no failed
request, no request to another host, every image loaded (``naturalWidth > 0``), and the
math typeset by the site's own MathJax. For a sample of pages: search finds an exercise
by a word of its text, the Colab and download links point at files the site has, dark
mode switches and keeps text readable, and a 390-px phone screen needs no sideways
scrolling. Screenshots of three pages go to ``--shots``.

    python docs/_ext/browser_check.py docs/_build/html [--shots docs/_build/screenshots]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SAMPLE = [
    "index.html",
    "auto_examples/week2/plot_w2_1_7_learning_rates.html",
    "auto_examples/week4/plot_w4_1_5_train_xor.html",
    "api/generated/ee4414.Linear.html",
]
SHOTS = {
    "home": "index.html",
    "example": "auto_examples/week2/plot_w2_1_7_learning_rates.html",
    "animation": "auto_examples/week6/plot_w6_1_4_fit_circles.html",
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``root`` on a free port of 127.0.0.1; return the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def check_page(page, url: str, base: str) -> list[str]:
    """Load one page and return its problems."""
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("requestfailed", lambda r: problems.append(f"failed request {r.url}"))
    page.on(
        "request",
        lambda r: (
            problems.append(f"third-party request {r.url}")
            if urlparse(r.url).scheme in ("http", "https") and not r.url.startswith(base)
            else None
        ),
    )
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    broken = page.evaluate(
        "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
    )
    problems += [f"image not loaded: {src}" for src in broken]
    has_math = page.evaluate("document.querySelector('.math, span.math, div.math') !== null")
    if has_math:
        page.wait_for_function(
            "window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=20000
        )
        page.evaluate("MathJax.startup.promise")
        if not page.evaluate("document.querySelector('mjx-container') !== null"):
            problems.append("math not typeset by MathJax")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--shots", type=Path, default=None)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    root = args.html.resolve()
    pages = sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*.html") if "_sources" not in p.parts
    )
    pages = [
        p for p in pages if not p.startswith(("_modules/", "_static/", "genindex", "py-modindex"))
    ]
    shots = args.shots or root.parent / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(root)
    failures: list[str] = []
    passed = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        for name in pages:
            page = context.new_page()
            problems = check_page(page, base + name, base)
            page.close()
            if problems:
                failures += [f"{name}: {p}" for p in problems]
            else:
                passed += 1
        failures += sample_checks(context, base, root, shots)
        browser.close()
    server.shutdown()
    print(f"checked {len(pages)} pages; screenshots in {shots}")
    for line in failures:
        print(f"  {line}")
    print(f"{passed} passed, {len(pages) - passed} failed")
    return 1 if failures else 0


def sample_checks(context, base: str, root: Path, shots: Path) -> list[str]:
    """Search, links, dark mode, phone width and screenshots, on a few pages."""
    problems: list[str] = []
    page = context.new_page()
    # search: a word from W3-1.4's text finds it
    page.goto(base + "search.html?q=hinge")
    page.wait_for_selector("ul.search li", timeout=30000)
    hits = page.eval_on_selector_all("ul.search li a", "els => els.map(e => e.href)")
    if not any("plot_w3_1_4" in h for h in hits):
        problems.append(f"search for 'hinge' did not find W3-1.4: {hits[:5]}")
    for name in SAMPLE:
        page.goto(base + name)
        page.wait_for_load_state("networkidle")
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        for href in hrefs:
            if "colab.research.google.com/github/" in href:
                path = href.split("/blob/", 1)[1].split("/", 1)[1]
                if not (root / path).is_file():
                    problems.append(f"{name}: Colab link to a missing file {path}")
            elif href.endswith((".ipynb", ".zip", ".py")) and "://" not in href:
                target = (root / name).parent / href
                if not target.resolve().is_file():
                    problems.append(f"{name}: download link to a missing file {href}")
        # dark mode: the toggle's setting turns the background dark and the text light
        page.evaluate("localStorage.setItem('theme', 'dark')")
        page.reload()
        page.wait_for_load_state("networkidle")
        bg, fg = page.evaluate(
            "[getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        if _luminance(bg) > 0.3 or _luminance(fg) < 0.5:
            problems.append(f"{name}: dark mode not readable (background {bg}, text {fg})")
        page.evaluate("localStorage.setItem('theme', 'light')")
    page.close()
    phone = context.browser.new_context(viewport={"width": 390, "height": 844})
    for name in SAMPLE:
        p = phone.new_page()
        p.goto(base + name)
        p.wait_for_load_state("networkidle")
        width = p.evaluate("document.scrollingElement.scrollWidth")
        if width > 391:
            problems.append(f"{name}: {width}px wide on a 390-px phone (sideways scrolling)")
        p.close()
    phone.close()
    for label, name in SHOTS.items():
        for theme in ("light", "dark"):
            p = context.new_page()
            p.goto(base + name)
            p.evaluate(f"localStorage.setItem('theme', '{theme}')")
            p.reload()
            p.wait_for_load_state("networkidle")
            p.screenshot(path=str(shots / f"{label}-{theme}.png"))
            p.close()
    return problems


def _luminance(css: str) -> float:
    """Relative brightness 0..1 of an ``rgb(...)``/``rgba(...)`` colour."""
    parts = [float(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
    r, g, b = (v / 255 for v in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


if __name__ == "__main__":
    sys.exit(main())
