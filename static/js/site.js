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

    function init() {
        var carousels = document.querySelectorAll("[data-carousel]");
        for (var i = 0; i < carousels.length; i += 1) {
            setupCarousel(carousels[i]);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
}());
