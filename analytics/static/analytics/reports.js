// Draws each report chart from the JSON the page carries next to its canvas (Chart.js,
// vendored). The table under every chart holds the same figures for screen readers and CSV.
(function () {
  "use strict";
  var COLOURS = ["#e4393c", "#2f6fdf", "#f0a020", "#2a9d6f", "#8a55c8", "#888888"];

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    var config = JSON.parse(source.textContent);
    var datasets = config.datasets.map(function (dataset, index) {
      var colour = COLOURS[index % COLOURS.length];
      return {
        label: dataset.label,
        data: dataset.data,
        borderColor: colour,
        backgroundColor: config.type === "line" ? colour : colour + "cc",
        tension: 0.2,
        pointRadius: config.labels.length > 60 ? 0 : 2,
      };
    });
    new window.Chart(canvas, {
      type: config.type,
      data: { labels: config.labels, datasets: datasets },
      options: {
        indexAxis: config.horizontal ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { y: { beginAtZero: true }, x: { beginAtZero: true } },
      },
    });
    canvas.dataset.drawn = "true";
  }

  function init() {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
    var range = document.querySelector("[data-report-range]");
    if (range) {
      range.addEventListener("change", function () {
        var custom = range.value === "custom";
        document.querySelectorAll("[data-custom-dates]").forEach(function (field) {
          field.hidden = !custom;
        });
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
