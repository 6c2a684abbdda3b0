/* Catalogue enhancements: the pages work without JavaScript; this makes them quicker.
   - forms marked data-autosubmit submit when a filter or the sort order changes;
   - the variant picker updates price, "was" price, stock status and SKU;
   - the shipping calculator answers in place instead of reloading the page. */
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function autosubmit() {
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
      form.addEventListener("change", function (event) {
        if (event.target.matches("input[type=checkbox], select")) form.submit();
      });
    });
  }

  // Phones: the filters fold behind their "Filters" button; wider screens always show them.
  function foldingFilters() {
    var panel = document.querySelector("details[data-facets]");
    if (!panel || !window.matchMedia) return;
    var phone = window.matchMedia("(max-width: 800px)");
    var fit = function () { panel.open = !phone.matches; };
    fit();
    if (phone.addEventListener) phone.addEventListener("change", fit);
  }

  function variantPicker() {
    var picker = document.querySelector("[data-variant-picker]");
    if (!picker) return;
    var currency = picker.getAttribute("data-currency") || "";
    var price = document.querySelector("[data-variant-price]");
    var was = document.querySelector("[data-variant-was]");
    var sku = document.querySelector("[data-variant-sku]");
    var status = document.querySelector("[data-stock-status]");
    picker.addEventListener("change", function (event) {
      var input = event.target;
      if (!input.matches("input[name=sku]")) return;
      if (price) price.textContent = currency + input.getAttribute("data-price");
      if (was) {
        var wasPrice = input.getAttribute("data-was");
        was.textContent = wasPrice ? currency + wasPrice : "";
        was.hidden = !wasPrice;
      }
      if (sku) sku.textContent = input.value;
      var campaign = document.querySelector("[data-variant-campaign]");
      if (campaign) campaign.hidden = !input.getAttribute("data-campaign");
      if (status) {
        var available = parseInt(input.getAttribute("data-available"), 10) || 0;
        var threshold = parseInt(input.getAttribute("data-low-stock-threshold"), 10) || 0;
        var key = available <= 0 ? "data-out-of-stock" : available <= threshold ? "data-low-stock" : "data-in-stock";
        status.textContent = status.getAttribute(key);
      }
      var calculator = document.querySelector("[data-shipping-calculator]");
      var result = document.querySelector("[data-shipping-result]");
      if (calculator && result && result.children.length) calculator.requestSubmit();
    });
  }

  function shippingCalculator() {
    var form = document.querySelector("[data-shipping-calculator]");
    var result = document.querySelector("[data-shipping-result]");
    if (!form || !result || !window.fetch) return;
    form.addEventListener("submit", function (event) {
      if (!form.checkValidity()) return;
      event.preventDefault();
      var params = new URLSearchParams(new FormData(form));
      fetch(form.getAttribute("data-endpoint") + "?" + params.toString(), {
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin"
      })
        .then(function (response) { return response.text(); })
        .then(function (html) { result.innerHTML = html; })
        .catch(function () { form.submit(); });
    });
  }

  onReady(function () {
    foldingFilters();
    autosubmit();
    variantPicker();
    shippingCalculator();
  });
})();
