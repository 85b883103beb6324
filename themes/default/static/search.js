// The search page: Pagefind's interface over the index the build made.
// Reads where the bundle is and what results' addresses start with from
// #sr-search's data attributes, searches the `q` of the address (what the
// search box of every page sends) and keeps the query in the address.
(function () {
  "use strict";
  function start() {
    var box = document.getElementById("sr-search");
    if (!box || typeof PagefindUI === "undefined") return;
    var ui = new PagefindUI({
      element: "#sr-search",
      bundlePath: box.dataset.bundle,
      baseUrl: box.dataset.base,
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      autofocus: true,
      translations: { placeholder: box.dataset.placeholder },
    });
    var input = box.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", box.dataset.label);
      input.addEventListener("input", function () {
        var url = new URL(window.location.href);
        if (input.value) url.searchParams.set("q", input.value);
        else url.searchParams.delete("q");
        window.history.replaceState(null, "", url);
      });
    }
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) ui.triggerSearch(q);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
