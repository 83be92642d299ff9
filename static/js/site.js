/* Focus Industry: progressive enhancement only. Everything works without this file. */
(function () {
  "use strict";
  // Main menu: collapsed behind a button on small screens.
  var toggle = document.querySelector(".main-nav__toggle");
  var list = document.getElementById("main-nav-list");
  if (toggle && list) {
    var small = window.matchMedia("(max-width: 63.99rem)");
    var sync = function () {
      if (small.matches) {
        toggle.hidden = false;
        var open = toggle.getAttribute("aria-expanded") === "true";
        list.setAttribute("data-collapsed", open ? "false" : "true");
      } else {
        toggle.hidden = true;
        list.removeAttribute("data-collapsed");
      }
    };
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      sync();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        sync();
        toggle.focus();
      }
    });
    if (small.addEventListener) { small.addEventListener("change", sync); }
    sync();
  }

  // Listings: the filters start folded wherever they stand above the results (narrower than the
  // two columns of .listing), so the results come first; the count and the active filters stay in
  // view. Without this file they are simply open. Until this runs, site.css draws them folded on a
  // narrow screen; data-folded hands that over to the <details> itself.
  var filters = document.querySelector("[data-listing-filters]");
  if (filters) {
    if (window.matchMedia("(max-width: 63.99rem)").matches) { filters.removeAttribute("open"); }
    filters.setAttribute("data-folded", "");
  }

  // Videos: nothing is requested from YouTube or Vimeo until the visitor clicks play.
  document.querySelectorAll("[data-video] .video__play").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var src = link.getAttribute("data-embed-src");
      if (!src) { return; }
      event.preventDefault();
      var iframe = document.createElement("iframe");
      iframe.src = src;
      iframe.title = link.getAttribute("data-title") || "";
      iframe.allow = "autoplay; fullscreen; picture-in-picture";
      iframe.allowFullscreen = true;
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      var frame = link.parentNode;
      frame.replaceChildren(iframe);
      iframe.focus();
    });
  });
})();
