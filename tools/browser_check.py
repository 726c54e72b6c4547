"""Check the built site in a real browser (Debian's Chromium, driven by Playwright).

Serves ``docs/_build/html`` on 127.0.0.1 and checks every page three times, in one
browser with several pages open at once:

* light scheme, desktop (1280 px): no console error, no failed request, no request to
  another host, every image loaded (``naturalWidth > 0``) with alt text that says what
  it shows (not a file name), the math typeset by the site's own MathJax, and no
  axe-core violation of the WCAG 2.0/2.1 A and AA rules;
* dark scheme, desktop: no axe-core violation (contrast differs by scheme);
* a 390-px phone: no display equation wider than its column, and no element wider than
  the screen unless it sits in a scroll container.

axe-core comes from the npm package pinned in ``tools/axe`` (``npm ci`` there first; the
nox session does it) and is injected into each page by this script, never from a CDN.
For a sample of pages: search finds an exercise by a word of its text and keeps the
"Computation times" pages out, the Colab and download links point at files the site has,
dark mode switches and keeps text readable. Screenshots go to ``--shots``.

    python tools/browser_check.py docs/_build/html [--shots DIR] [--jobs N] [--only RE]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import http.server
import re
import sys
import threading
import time
from pathlib import Path
from typing import Any
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
ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
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
    "chain-rule": "auto_examples/week5/plot_w5_1_6_two_layer_second_neuron.html",
    "gradient": "auto_examples/week2/plot_w2_eg2_derive_gradient.html",
}
# an alt text that is a file name or sphinx-gallery's default ("plot w2 1 7 ...")
_FILE_NAME_ALT = re.compile(r"\.(png|jpe?g|gif|svg|webp)$|^sphx[ _]glr|^plot[ _]w\d", re.I)

# Run in the page: images without a useful alt text. Only a gallery card's thumbnail may
# be decorative (alt=""): the card's link names the example.
_BAD_ALTS = """
(re) => [...document.images]
  .filter(i => !i.closest('[aria-hidden="true"]') && i.getAttribute('role') !== 'presentation')
  .map(i => [i, i.getAttribute('src'), i.getAttribute('alt')])
  .filter(([i, src, alt]) => alt === null || new RegExp(re, 'i').test(alt) ||
          (!alt.trim() && !i.closest('.sphx-glr-thumbcontainer')))
  .map(([i, src, alt]) => [src.slice(0, 80), alt])
"""

# Run in the page at 390 px: display equations wider than their column, and elements
# that reach past the screen's edges without a scroll container (or clip) around them.
_PHONE_LAYOUT = """
() => {
  const vw = document.documentElement.clientWidth;
  const describe = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (el.classList.length) s += '.' + [...el.classList].slice(0, 2).join('.');
    const p = el.parentElement;
    return (p ? describe1(p) + ' > ' : '') + s;
  };
  const describe1 = (el) => el.tagName.toLowerCase() +
    (el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '');
  // furo makes its whole content column scroll on a phone: that is no scroll container
  // for one element, the reader would have to scroll the page's text sideways
  const page = '.content, .main, .page, article, [role="main"]';
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (a.matches(page)) continue;
      const cs = getComputedStyle(a);
      if (cs.position === 'fixed') return true;
      if (['auto', 'scroll', 'hidden', 'clip'].includes(cs.overflowX)) return true;
    }
    return false;
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.position !== 'fixed';
  };
  const equations = [];
  for (const c of document.querySelectorAll('mjx-container[display="true"]')) {
    const column = c.parentElement.closest('div, section, article, td, li, dd');
    const width = Math.max(c.scrollWidth, c.getBoundingClientRect().width);
    if (column && width > column.clientWidth + 1) {
      const tex = (c.closest('.math') || c).getAttribute('data-tex') || '';
      equations.push(`${Math.round(width)} px in a ${column.clientWidth} px column` +
                     (tex ? `: ${tex.slice(0, 60)}` : ''));
    }
  }
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right <= vw + 1 && r.left >= -1) continue;
    if (el.closest('mjx-container, .sidebar-drawer, .toc-drawer, script, style')) continue;
    if (shown(el) && !clipped(el)) {
      wide.push(`${describe(el)} (${Math.round(r.left)}..${Math.round(r.right)} px)`);
    }
  }
  return {equations, wide: wide.slice(0, 5), wideCount: wide.length,
          scrollWidth: document.scrollingElement.scrollWidth};
}
"""


# Run in the page: axe-core's violations as [rule, impact, [element | first reason]].
_AXE_RUN = """
(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => [v.id, v.impact, v.nodes.map(n =>
    n.target.join(' ') + ' | ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))]))
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore a browser that hung up on a request it no longer needed; report the rest."""
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve ``root`` on a free port of 127.0.0.1; return the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(root))
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


async def _load(page: Any, url: str, idle: bool = False) -> None:
    """Open ``url`` and wait until it is loaded (``idle``: and the network quiet), and
    its math is typeset."""
    await page.goto(url, wait_until="load")
    if idle:
        await page.wait_for_load_state("networkidle")
    if await page.evaluate("document.querySelector('.math') !== null"):
        # a promise returned to wait_for_function is awaited: test that it exists
        await page.wait_for_function(
            "!!(window.MathJax && MathJax.startup && MathJax.startup.promise)", timeout=30000
        )
        await page.evaluate("MathJax.startup.promise.then(() => true)")


async def _axe(page: Any, axe_source: str) -> list[tuple[str, str, str]]:
    """Run axe-core's WCAG 2.0/2.1 A + AA rules; (rule, impact, element) per violation."""
    await page.evaluate(axe_source)
    violations = await page.evaluate(_AXE_RUN, AXE_TAGS)
    return [(rule, impact, node) for rule, impact, nodes in violations for node in nodes]


async def check_desktop(page: Any, url: str, base: str, axe_source: str) -> dict[str, Any]:
    """Light scheme: loading, images, alt texts, math, axe-core."""
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
    await _load(page, url, idle=True)
    broken = await page.evaluate(
        "[...document.images].filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src)"
    )
    problems += [f"image not loaded: {src}" for src in broken]
    for src, alt in await page.evaluate(_BAD_ALTS, _FILE_NAME_ALT.pattern):
        problems.append(f"image without a description: {src} (alt {alt!r})")
    if await page.evaluate("document.querySelector('.math') !== null") and not (
        await page.evaluate("document.querySelector('mjx-container') !== null")
    ):
        problems.append("math not typeset by MathJax")
    return {"problems": problems, "axe": await _axe(page, axe_source)}


async def check_dark(page: Any, url: str, base: str, axe_source: str) -> dict[str, Any]:
    """Dark scheme: axe-core (its colour contrast differs from the light scheme's)."""
    await _load(page, url)
    theme = await page.evaluate("document.body.dataset.theme")
    problems = [] if theme == "dark" else [f"dark scheme not applied (theme {theme!r})"]
    return {"problems": problems, "axe": await _axe(page, axe_source)}


async def check_phone(page: Any, url: str, base: str, axe_source: str) -> dict[str, Any]:
    """390 px: equations within their column, nothing wider than the screen unscrolled."""
    await _load(page, url)
    layout = await page.evaluate(_PHONE_LAYOUT)
    problems = [f"display equation wider than its column: {e}" for e in layout["equations"]]
    if layout["wideCount"]:
        problems.append(
            f"{layout['wideCount']} element(s) wider than the 390-px screen outside a scroll"
            f" container, e.g. {'; '.join(layout['wide'])}"
        )
    if layout["scrollWidth"] > PHONE["width"] + 1:
        problems.append(f"page is {layout['scrollWidth']} px wide (sideways scrolling)")
    return {"problems": problems, "axe": [], "equations": len(layout["equations"])}


async def run_all(
    pages: list[str], base: str, jobs: int, only_modes: tuple[str, ...] = ("light", "dark", "phone")
) -> dict[str, dict[str, Any]]:
    """Every page in every mode, ``jobs`` pages at a time; results by ``mode:page``."""
    from playwright.async_api import async_playwright

    axe_source = AXE.read_text(encoding="utf-8")
    results: dict[str, dict[str, Any]] = {}
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        modes = {}
        for mode, viewport, theme, check in (
            ("light", DESKTOP, "light", check_desktop),
            ("dark", DESKTOP, "dark", check_dark),
            ("phone", PHONE, "light", check_phone),
        ):
            if mode not in only_modes:
                continue
            context = await browser.new_context(viewport=viewport)
            # furo reads the scheme from localStorage before it paints
            await context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
            modes[mode] = (context, check)
        limit = asyncio.Semaphore(jobs)

        async def one(mode: str, name: str) -> None:
            context, check = modes[mode]
            async with limit:
                page = await context.new_page()
                try:
                    results[f"{mode}:{name}"] = await check(page, base + name, base, axe_source)
                except Exception as exc:  # a timeout on one page is reported, not fatal
                    results[f"{mode}:{name}"] = {"problems": [f"check failed: {exc}"], "axe": []}
                finally:
                    await page.close()
                if len(results) % 50 == 0:
                    print(f"  ... {len(results)} of {len(pages) * len(modes)} checked", flush=True)

        await asyncio.gather(*(one(mode, name) for name in pages for mode in modes))
        results["sample"] = {"problems": await sample_checks(browser, base), "axe": []}
        await browser.close()
    return results


async def sample_checks(browser: Any, base: str) -> list[str]:
    """Search and dark-mode readability on a few pages."""
    problems: list[str] = []
    context = await browser.new_context(viewport=DESKTOP)
    page = await context.new_page()
    # search: a word from W3-1.4's text finds it; timing pages are not in the index
    await page.goto(base + "search.html?q=hinge")
    await page.wait_for_selector("ul.search li", timeout=30000)
    hits = await page.eval_on_selector_all("ul.search li a", "els => els.map(e => e.href)")
    if not any("plot_w3_1_4" in h for h in hits):
        problems.append(f"search for 'hinge' did not find W3-1.4: {hits[:5]}")
    await page.goto(base + "search.html?q=learning+rates")
    await page.wait_for_selector("ul.search li", timeout=30000)
    await page.wait_for_function(
        "document.querySelector('#search-results .search-summary') !== null", timeout=30000
    )
    hits = await page.eval_on_selector_all("ul.search li a", "els => els.map(e => e.href)")
    if any("sg_execution_times" in h for h in hits):
        problems.append("search results list a 'Computation times' page")
    if not any("plot_w2_1_7" in h for h in hits):
        problems.append(f"search for 'learning rates' did not find W2-1.7: {hits[:5]}")
    for name in SAMPLE:
        # dark mode: the toggle's setting turns the background dark and the text light
        await page.goto(base + name)
        await page.evaluate("localStorage.setItem('theme', 'dark')")
        await page.reload()
        await page.wait_for_load_state("networkidle")
        bg, fg = await page.evaluate(
            "[getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        if _luminance(bg) > 0.3 or _luminance(fg) < 0.5:
            problems.append(f"{name}: dark mode not readable (background {bg}, text {fg})")
        await page.evaluate("localStorage.setItem('theme', 'light')")
    await context.close()
    return problems


def link_checks(root: Path) -> list[str]:
    """Colab and download links of the sample pages point at files the site has."""
    problems = []
    href = re.compile(r'href="([^"]+)"')
    for name in SAMPLE:
        for link in href.findall((root / name).read_text(encoding="utf-8")):
            if "colab.research.google.com/github/" in link:
                path = link.split("/blob/", 1)[1].split("/", 1)[1]
                if not (root / path).is_file():
                    problems.append(f"{name}: Colab link to a missing file {path}")
            elif (
                link.endswith((".ipynb", ".zip", ".py"))
                and "://" not in link
                and not ((root / name).parent / link).resolve().is_file()
            ):
                problems.append(f"{name}: download link to a missing file {link}")
    return problems


async def screenshots(base: str, shots: Path) -> None:
    """Desktop light and dark, and a 390-px phone, of a few pages."""
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        for label, name in SHOTS.items():
            for suffix, viewport, theme in (
                ("light", DESKTOP, "light"),
                ("dark", DESKTOP, "dark"),
                ("phone", PHONE, "light"),
            ):
                context = await browser.new_context(viewport=viewport)
                await context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
                page = await context.new_page()
                try:
                    await _load(page, base + name)
                    await page.screenshot(path=str(shots / f"{label}-{suffix}.png"))
                except Exception as exc:  # the checks above report the page's problems
                    print(f"  no screenshot of {name} ({suffix}): {exc}")
                await context.close()
        await browser.close()


def report(results: dict[str, dict[str, Any]]) -> tuple[list[str], dict[str, collections.Counter]]:
    """Problem lines, and per axe rule: elements and pages, by scheme."""
    lines: list[str] = []
    counts: dict[str, collections.Counter] = {
        "elements": collections.Counter(),
        "pages": collections.Counter(),
    }
    for key, result in sorted(results.items()):
        lines += [f"{key}: {p}" for p in result["problems"]]
        mode = key.split(":", 1)[0]
        seen = set()
        for rule, impact, node in result["axe"]:
            lines.append(f"{key}: axe {rule} ({impact}): {node}")
            counts["elements"][f"{rule} [{mode}]"] += 1
            seen.add(f"{rule} [{mode}]")
        counts["pages"].update(seen)
    return lines, counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("--shots", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=4, help="pages open at once (default 4)")
    parser.add_argument("--only", default="", help="check only pages matching this regex")
    parser.add_argument(
        "--modes", default="light,dark,phone", help="a subset of light,dark,phone (default all)"
    )
    args = parser.parse_args()
    if not AXE.is_file():
        print(f"axe-core is missing: run `npm ci` in {AXE.parents[2]}")
        return 2
    start = time.perf_counter()
    root = args.html.resolve()
    pages = sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*.html") if "_sources" not in p.parts
    )
    pages = [p for p in pages if not p.startswith("_static/") and re.search(args.only, p)]
    shots = args.shots or root.parent / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(root)
    modes = tuple(args.modes.split(","))
    results = asyncio.run(run_all(pages, base, args.jobs, modes))
    asyncio.run(screenshots(base, shots))
    server.shutdown()
    lines, counts = report(results)
    lines += link_checks(root)
    for line in lines:
        print(f"  {line}")
    if counts["pages"]:
        print("axe-core violations (WCAG 2.0/2.1 A + AA), by rule and scheme:")
        for rule, n in sorted(counts["pages"].items()):
            print(f"  {rule}: {n} page(s), {counts['elements'][rule]} element(s)")
    failed = {key.split(":")[-1] for key, r in results.items() if r["problems"] or r["axe"]}
    equations = sum(r.get("equations", 0) for r in results.values())
    print(
        f"checked {len(pages)} pages x {len(modes)} ({', '.join(modes)}) in"
        f" {time.perf_counter() - start:.0f} s; {equations} display equation(s) too wide at"
        f" 390 px; screenshots in {shots}"
    )
    print(f"{len(pages) - len(failed - {'sample'})} pages passed, {len(failed)} failed")
    return 1 if lines else 0


def _luminance(css: str) -> float:
    """Relative brightness 0..1 of an ``rgb(...)``/``rgba(...)`` colour."""
    parts = [float(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3]]
    r, g, b = (v / 255 for v in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


if __name__ == "__main__":
    sys.exit(main())
