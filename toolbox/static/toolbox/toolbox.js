/* Toolbox: on small screens the filters start folded (unless some are active). Works without this file. */
(function () {
  "use strict";
  var filters = document.querySelector("[data-toolbox-filters]");
  if (filters && !filters.hasAttribute("data-active") && window.matchMedia("(max-width: 47.99rem)").matches) {
    filters.removeAttribute("open");
  }
})();
