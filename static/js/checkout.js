/* Checkout: refresh shipping fees when the address changes; one click places one order. */
(function () {
    "use strict";

    function money(value) {
        return "¥" + Number(value).toFixed(2);
    }

    function chosenProvince(form) {
        var picked = form.querySelector("input[name=address]:checked");
        if (picked && picked.value !== "new") {
            var holder = form.querySelector("[data-address-province='" + picked.value + "']");
            return holder ? holder.textContent.trim() : "";
        }
        var select = form.querySelector("[name='new-province']");
        return select ? select.value : "";
    }

    function toggleNewAddress(form) {
        var section = form.querySelector("[data-new-address]");
        var picked = form.querySelector("input[name=address]:checked");
        if (section && picked) {
            section.hidden = picked.value !== "new";
        }
    }

    function refreshFees(form) {
        var province = chosenProvince(form);
        if (!province) {
            return;
        }
        var url = form.dataset.quotesUrl + "?province=" + encodeURIComponent(province);
        fetch(url, {headers: {"Accept": "application/json"}, credentials: "same-origin"})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data) {
                    return;
                }
                data.methods.forEach(function (method) {
                    var input = form.querySelector("input[name=shipping_method][value='" + method.id + "']");
                    if (!input) {
                        return;
                    }
                    var label = input.closest("label");
                    var fee = label.querySelector("[data-fee-for]");
                    if (!fee) {
                        fee = document.createElement("span");
                        fee.className = "choice__fee";
                        fee.setAttribute("data-fee-for", method.id);
                        label.appendChild(fee);
                    }
                    input.disabled = !method.available;
                    if (!method.available) {
                        input.checked = false;
                        fee.textContent = gettext("Not delivered to this province");
                    } else {
                        fee.textContent = Number(method.fee) === 0 ? gettext("Free") : money(method.fee);
                    }
                });
            })
            .catch(function () { /* the Update button still works */ });
    }

    document.querySelectorAll("[data-checkout-form]").forEach(function (form) {
        var refreshButton = form.querySelector("[data-refresh-button]");
        if (refreshButton) {
            refreshButton.hidden = true;
        }
        toggleNewAddress(form);
        form.addEventListener("change", function (event) {
            if (event.target.name === "address") {
                toggleNewAddress(form);
                refreshFees(form);
            } else if (event.target.name === "new-province") {
                refreshFees(form);
            }
        });
    });

    document.querySelectorAll("[data-place-order]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (form.dataset.submitted) {
                event.preventDefault();
                return;
            }
            form.dataset.submitted = "1";
            var button = form.querySelector("[data-place-order-button]");
            if (button) {
                button.setAttribute("aria-disabled", "true");
                button.textContent = gettext("Placing your order…");
            }
        });
    });

    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            if (!window.confirm(form.dataset.confirm)) {
                event.preventDefault();
            }
        });
    });
})();
