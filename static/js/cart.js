/* Cart and favourites without full reloads; every form still works without it.
   - forms marked data-cart-form (add, update, remove, accept) and data-favourite-form
     are sent with fetch; the views answer JSON {ok, message, cart_count, …} because
     of the X-Requested-With header;
   - the header count, the cart page's contents and the heart's state are updated in
     place, and the message is read out through an aria-live status;
   - on the product page the add-to-cart form follows the variant radios above it.
   If fetch is missing or the network fails, the form is submitted normally. */
(function () {
  "use strict";

  function onReady(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  var globalStatus = null;

  function statusFor(form) {
    var local = form.querySelector("[data-cart-status]") || document.querySelector("main [data-cart-status]");
    if (local) return local;
    if (!globalStatus) {
      globalStatus = document.createElement("p");
      globalStatus.className = "visually-hidden";
      globalStatus.setAttribute("role", "status");
      globalStatus.setAttribute("aria-live", "polite");
      document.body.appendChild(globalStatus);
    }
    return globalStatus;
  }

  function announce(form, message, isError) {
    var status = statusFor(form);
    status.textContent = "";
    status.classList.toggle("is-error", !!isError);
    // A new text node after clearing makes screen readers announce a repeated message too.
    window.setTimeout(function () { status.textContent = message || ""; }, 50);
  }

  function updateCount(data) {
    if (typeof data.cart_count !== "number") return;
    document.querySelectorAll("[data-cart-count]").forEach(function (badge) {
      badge.textContent = String(data.cart_count);
      badge.hidden = data.cart_count === 0;
    });
    if (data.cart_count_label) {
      document.querySelectorAll("[data-cart-count-label]").forEach(function (label) {
        label.textContent = data.cart_count_label;
      });
    }
  }

  function replaceCartContents(html) {
    var container = document.querySelector("[data-cart-contents]");
    if (!container || typeof html !== "string") return;
    var hadFocus = container.contains(document.activeElement);
    container.innerHTML = html;
    if (hadFocus) {
      container.setAttribute("tabindex", "-1");
      container.focus();
    }
  }

  function updateHeart(form, data) {
    var button = form.querySelector("button");
    if (!button || typeof data.favourite !== "boolean") return;
    button.setAttribute("aria-pressed", data.favourite ? "true" : "false");
    button.classList.toggle("is-favourite", data.favourite);
    if (button.hasAttribute("aria-label")) {
      button.setAttribute("aria-label", button.getAttribute(data.favourite ? "data-label-remove" : "data-label-add"));
    }
    var text = button.querySelector(".favourite-button__text");
    if (text) text.textContent = text.getAttribute(data.favourite ? "data-text-remove" : "data-text-add");
  }

  function syncVariant(form) {
    var chosen = document.querySelector("input[name=sku][form=shipping-calculator]:checked");
    var field = form.querySelector("[data-cart-variant]");
    if (chosen && field) field.value = chosen.value;
  }

  function send(form) {
    var button = form.querySelector("button[type=submit], button:not([type])");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]");
    if (button) button.disabled = true;
    return fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: {
        "X-Requested-With": "fetch",
        "Accept": "application/json",
        "X-CSRFToken": token ? token.value : ""
      }
    })
      .then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      })
      .finally(function () { if (button) button.disabled = false; });
  }

  function handle(form, answer) {
    var data = answer.data || {};
    if (answer.status === 401 && data.login_url) {
      window.location.assign(data.login_url);
      return;
    }
    updateCount(data);
    if (data.ok && typeof data.cart_html === "string") replaceCartContents(data.cart_html);
    if (data.ok && form.hasAttribute("data-favourite-form")) updateHeart(form, data);
    if (data.ok && data.favourite === false && form.closest("[data-favourites-list]")) {
      var card = form.closest(".product-card");
      if (card) card.remove();
    }
    announce(form, data.message, !data.ok);
  }

  function intercept(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (!form.hasAttribute("data-cart-form") && !form.hasAttribute("data-favourite-form")) return;
    if (!window.fetch || !window.FormData) return;
    if (form.getAttribute("data-cart-form") === "add") syncVariant(form);
    event.preventDefault();
    send(form)
      .then(function (answer) { handle(form, answer); })
      .catch(function () { form.submit(); });
  }

  function variantFollowsRadios() {
    var form = document.querySelector("[data-cart-form=add]");
    var picker = document.querySelector("[data-variant-picker]");
    if (!form || !picker) return;
    var field = form.querySelector("[data-cart-variant-field]");
    if (field) field.hidden = true;  // the radios above choose the version now
    syncVariant(form);
    picker.addEventListener("change", function () { syncVariant(form); });
  }

  onReady(function () {
    document.addEventListener("submit", intercept);
    variantFollowsRadios();
  });
})();
