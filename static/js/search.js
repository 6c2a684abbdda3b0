/* Live suggestions for search boxes (the header box and the results page box).
   Without JavaScript the boxes are plain forms that go to /search/. With it, typing
   asks /search/suggest/ (debounced; an older answer never overwrites a newer one)
   and shows a listbox following the ARIA combobox pattern: arrows move, Enter opens
   the highlighted suggestion (or searches when none is highlighted), Esc closes. */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var SELECTOR = "input[data-suggest], .site-search input[name=q]";
  var DEFAULT_URL = "/search/suggest/";
  // Translations come from /jsi18n/ (loaded before this file); without it, English.
  var gettext = typeof window.gettext === "function" ? window.gettext : function (text) { return text; };
  var KIND_LABELS = { product: gettext("Product"), brand: gettext("Brand"), category: gettext("Category"), query: gettext("Search") };
  var counter = 0;

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function Combobox(input) {
    counter += 1;
    this.input = input;
    this.url = input.getAttribute("data-suggest") || DEFAULT_URL;
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = null;
    this.latest = 0;
    this.listbox = document.createElement("ul");
    this.listbox.id = "search-suggestions-" + counter;
    this.listbox.className = "search-suggest";
    this.listbox.setAttribute("role", "listbox");
    this.listbox.setAttribute("aria-label", gettext("Suggestions"));
    this.listbox.hidden = true;
    // Right after the search form, so the list is inside the same landmark (the header or
    // the page's main content) for screen-reader users.
    (input.closest("form") || input).insertAdjacentElement("afterend", this.listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.listbox.id);
    input.setAttribute("autocomplete", "off");
    this.bind();
  }

  Combobox.prototype.bind = function () {
    var self = this;
    this.input.addEventListener("input", function () { self.schedule(); });
    this.input.addEventListener("keydown", function (event) { self.onKey(event); });
    this.input.addEventListener("blur", function () { window.setTimeout(function () { self.close(); }, 150); });
    // mousedown, not click: it comes before the input's blur closes the list.
    this.listbox.addEventListener("mousedown", function (event) {
      var option = event.target.closest("[role=option]");
      if (!option) return;
      event.preventDefault();
      self.go(Number(option.getAttribute("data-index")));
    });
    window.addEventListener("resize", function () { if (!self.listbox.hidden) self.place(); });
  };

  Combobox.prototype.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.fetch(); }, DELAY_MS);
  };

  Combobox.prototype.fetch = function () {
    var self = this;
    var query = this.input.value.trim();
    if (!query) { this.render([]); return; }
    if (this.request) this.request.abort();
    this.request = typeof AbortController === "function" ? new AbortController() : null;
    var ticket = ++this.latest;
    var address = this.url + "?q=" + encodeURIComponent(query);
    fetch(address, { headers: { Accept: "application/json" }, signal: this.request ? this.request.signal : undefined })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) { if (ticket === self.latest) self.render(data.suggestions || []); })
      .catch(function () { /* an aborted or failed request leaves the plain form working */ });
  };

  Combobox.prototype.render = function (items) {
    var self = this;
    this.items = items;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.listbox.textContent = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = self.listbox.id + "-" + index;
      option.className = "search-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var text = document.createElement("span");
      text.className = "search-suggest__text";
      text.textContent = item.text;
      var kind = document.createElement("span");
      kind.className = "search-suggest__kind";
      kind.textContent = KIND_LABELS[item.kind] || "";
      option.appendChild(text);
      option.appendChild(kind);
      self.listbox.appendChild(option);
    });
    if (items.length) this.open(); else this.close();
  };

  // Under the form, measured from the list's positioned ancestor (the sticky header on wider
  // screens, else the document); called once the list is shown, as hidden it has none.
  Combobox.prototype.place = function () {
    var box = (this.input.closest("form") || this.input).getBoundingClientRect();
    var parent = this.listbox.offsetParent;
    var origin = { top: -window.scrollY, left: -window.scrollX };
    if (parent && parent !== document.body) {
      var frame = parent.getBoundingClientRect();
      origin = { top: frame.top + parent.clientTop, left: frame.left + parent.clientLeft };
    }
    this.listbox.style.top = (box.bottom - origin.top + 4) + "px";
    this.listbox.style.left = (box.left - origin.left) + "px";
    this.listbox.style.width = box.width + "px";
  };

  Combobox.prototype.open = function () {
    this.listbox.hidden = false;
    this.place();
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    this.listbox.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Combobox.prototype.highlight = function (index) {
    var options = this.listbox.querySelectorAll("[role=option]");
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    for (var i = 0; i < options.length; i += 1) {
      options[i].setAttribute("aria-selected", i === this.active ? "true" : "false");
    }
    this.input.setAttribute("aria-activedescendant", options[this.active].id);
    options[this.active].scrollIntoView({ block: "nearest" });
  };

  Combobox.prototype.go = function (index) {
    var item = this.items[index];
    if (item) window.location.assign(item.url);
  };

  Combobox.prototype.onKey = function (event) {
    var isOpen = !this.listbox.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!isOpen && this.items.length) this.open();
      this.highlight(this.active + 1);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (isOpen) this.highlight(this.active - 1);
    } else if (event.key === "Enter") {
      if (isOpen && this.active >= 0) {
        event.preventDefault();
        this.go(this.active);
      }
    } else if (event.key === "Escape") {
      if (isOpen) {
        event.preventDefault();
        this.close();
      }
    }
  };

  onReady(function () {
    document.querySelectorAll(SELECTOR).forEach(function (input) {
      if (!input.hasAttribute("data-suggest-ready")) {
        input.setAttribute("data-suggest-ready", "");
        new Combobox(input);
      }
    });
  });
})();
