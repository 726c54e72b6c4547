/* EE4414 site behaviour on top of furo (loaded with `defer` on every page).

   1. A code block, output block, table or equation that is wider than its column
      scrolls sideways. Each one that does is made a named, focusable region
      (tabindex="0"), so it can be scrolled with the arrow keys, and is marked
      `ee4414-scrolls` for the scroll cue in ee4414.css. Checked again once MathJax has
      typeset the page and whenever the window is resized.
   2. A display equation that MathJax cannot break into lines and that is a little too
      wide for its column is set a little smaller (see fitEquations).
   3. A figure opens full size (tap or click; the browser can zoom it): every plot
      image of an example is wrapped in a link to the image itself. */
(function () {
  "use strict";

  const REGIONS = [
    ["div.highlight > pre", "Code"],
    ["div.math", "Equation"],
    ["div.table-wrapper", "Table"],
    ["div.sphx-glr-script-out pre", "Output"],
  ];

  function markScrollable() {
    for (const [selector, kind] of REGIONS) {
      for (const el of document.querySelectorAll(selector)) {
        const scrolls = el.scrollWidth > el.clientWidth + 1;
        const ours = el.dataset.ee4414Region === "1";
        if (scrolls && !el.hasAttribute("tabindex")) {
          el.setAttribute("tabindex", "0");
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", `${kind} (scrolls sideways)`);
          el.dataset.ee4414Region = "1";
        } else if (!scrolls && ours) {
          el.removeAttribute("tabindex");
          el.removeAttribute("role");
          el.removeAttribute("aria-label");
          delete el.dataset.ee4414Region;
        }
        el.classList.toggle("ee4414-scrolls", scrolls);
      }
    }
  }

  // MathJax breaks long display equations into lines; what cannot break (a matrix, an
  // aligned block with two columns) and is at most 15 % too wide is set a little
  // smaller to fit, what is wider scrolls (with the cue).
  function fitEquations() {
    for (const box of document.querySelectorAll("div.math")) {
      const math = box.querySelector('mjx-container[display="true"]');
      if (!math) continue;
      math.style.fontSize = "";
      const ratio = box.clientWidth / math.scrollWidth;
      if (ratio < 1 && ratio >= 0.85) {
        math.style.fontSize = `${Math.floor(ratio * 1000) / 10}%`;
      }
    }
  }

  function linkFigures() {
    const selector = "img.sphx-glr-single-img, img.sphx-glr-multi-img, .cell_output img";
    for (const img of document.querySelectorAll(selector)) {
      if (img.closest("a")) continue;
      const link = document.createElement("a");
      link.href = img.getAttribute("src");
      link.className = "ee4414-figure-link";
      link.title = "Open the figure full size";
      img.replaceWith(link);
      link.appendChild(img);
    }
  }

  function start() {
    linkFigures();
    markScrollable();
    const layout = () => {
      fitEquations();
      markScrollable();
    };
    if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
      MathJax.startup.promise.then(layout);
    }
    let pending = null;
    window.addEventListener("resize", () => {
      clearTimeout(pending);
      pending = setTimeout(layout, 150);
    });
  }

  // after every deferred script (MathJax's too) has run
  let started = false;
  const once = () => {
    if (!started) {
      started = true;
      start();
    }
  };
  if (document.readyState === "complete") once();
  document.addEventListener("DOMContentLoaded", once);
  window.addEventListener("load", once);
})();
