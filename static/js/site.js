/*
 * Storefront behaviour that HTML and CSS cannot do alone. Everything works without it:
 * the banner carousel is then a scrollable row of slides.
 */
(function () {
    "use strict";

    var ADVANCE_EVERY_MS = 6000;

    function prefersReducedMotion() {
        return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    }

    function setupCarousel(root) {
        var track = root.querySelector("[data-carousel-track]");
        var slides = root.querySelectorAll("[data-carousel-slide]");
        var controls = root.querySelector("[data-carousel-controls]");
        if (!track || !controls || slides.length < 2) {
            return;
        }
        var pauseButton = root.querySelector("[data-carousel-pause]");
        var stoppedByVisitor = prefersReducedMotion();
        var hovering = false;
        var focused = false;
        var timer = null;

        function currentIndex() {
            return Math.round(track.scrollLeft / Math.max(track.clientWidth, 1));
        }

        function show(index) {
            var count = slides.length;
            var target = ((index % count) + count) % count;
            track.scrollTo({ left: target * track.clientWidth, behavior: prefersReducedMotion() ? "auto" : "smooth" });
        }

        function running() {
            return !stoppedByVisitor && !hovering && !focused && !document.hidden;
        }

        function schedule() {
            window.clearInterval(timer);
            timer = null;
            if (running()) {
                timer = window.setInterval(function () { show(currentIndex() + 1); }, ADVANCE_EVERY_MS);
            }
        }

        function renderPauseButton() {
            pauseButton.setAttribute("aria-pressed", stoppedByVisitor ? "true" : "false");
            pauseButton.setAttribute("aria-label", stoppedByVisitor
                ? pauseButton.getAttribute("data-label-play")
                : pauseButton.getAttribute("data-label-pause"));
        }

        root.querySelector("[data-carousel-prev]").addEventListener("click", function () {
            show(currentIndex() - 1);
        });
        root.querySelector("[data-carousel-next]").addEventListener("click", function () {
            show(currentIndex() + 1);
        });
        pauseButton.addEventListener("click", function () {
            stoppedByVisitor = !stoppedByVisitor;
            renderPauseButton();
            schedule();
        });
        root.addEventListener("mouseenter", function () { hovering = true; schedule(); });
        root.addEventListener("mouseleave", function () { hovering = false; schedule(); });
        root.addEventListener("focusin", function () { focused = true; schedule(); });
        root.addEventListener("focusout", function (event) {
            if (!root.contains(event.relatedTarget)) {
                focused = false;
                schedule();
            }
        });
        document.addEventListener("visibilitychange", schedule);

        controls.hidden = false;
        root.classList.add("js-carousel");
        renderPauseButton();
        schedule();
    }

    function pad(number) {
        return number < 10 ? "0" + number : String(number);
    }

    // Flash sales: the end time printed by the server becomes a live countdown. Without
    // JavaScript the end time stays as printed; the server decides the price either way.
    function setupCountdown(root) {
        var label = root.querySelector("[data-countdown-label]");
        var end = Date.parse(root.getAttribute("data-countdown"));
        if (!label || isNaN(end)) {
            return;
        }
        var endsIn = root.getAttribute("data-ends-in") || "";
        var dayWord = root.getAttribute("data-day-word") || "d";
        var ended = root.getAttribute("data-ended") || "";
        function tick() {
            var left = Math.floor((end - Date.now()) / 1000);
            if (left <= 0) {
                label.textContent = ended;
                return;
            }
            var days = Math.floor(left / 86400);
            var rest = left % 86400;
            var clock = pad(Math.floor(rest / 3600)) + ":" + pad(Math.floor(rest % 3600 / 60)) + ":" + pad(rest % 60);
            label.textContent = endsIn + " " + (days ? days + dayWord + " " : "") + clock;
            window.setTimeout(tick, 1000);
        }
        tick();
    }

    function init() {
        var carousels = document.querySelectorAll("[data-carousel]");
        for (var i = 0; i < carousels.length; i += 1) {
            setupCarousel(carousels[i]);
        }
        var countdowns = document.querySelectorAll("[data-countdown]");
        for (var j = 0; j < countdowns.length; j += 1) {
            setupCountdown(countdowns[j]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
