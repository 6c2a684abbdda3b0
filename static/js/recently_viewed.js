/* The recently viewed row: fetched for this visitor after the page (which is the same for
   everyone) has loaded, then shown. Without script the row is simply not there. */
(function () {
  "use strict";
  function load(box) {
    fetch(box.dataset.src, {
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", Accept: "text/html" },
    })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) {
        if (!html.trim()) return;
        box.innerHTML = html;
        box.hidden = false;
      })
      .catch(function () { /* the row is a nicety: no row, no message */ });
  }
  function start() {
    document.querySelectorAll("[data-recently-viewed][data-src]").forEach(load);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
