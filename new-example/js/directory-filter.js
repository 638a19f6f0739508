// Directory filters: combines the filters in place on /directory/ and records them in the
// address (?category=counselling&level=targeted). Without JavaScript the 'Browse by' links
// lead to a page per filter value, so this only enhances.
(function () {
  "use strict";
  var form = document.querySelector("[data-directory-filter]");
  var results = document.querySelector("[data-results]");
  if (!form || !results || !window.URLSearchParams || !window.history) { return; }
  var items = Array.prototype.slice.call(results.children);
  var count = document.querySelector("[data-result-count]");
  // The page's words for a count, in its language with its plurals ("3 services"): the count's
  // data-plural-* attributes, chosen by plural.js.
  var plural = window.hubsitePlural;
  var browse = document.querySelector("[data-directory-browse]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var search = form.querySelector("input[name=q]");

  function apply(record) {
    var params = new URLSearchParams();
    var words = search.value.trim().toLowerCase();
    if (words) { params.set("q", search.value.trim()); }
    selects.forEach(function (s) { if (s.value) { params.set(s.name, s.value); } });
    var shown = 0;
    items.forEach(function (item) {
      var ok = selects.every(function (s) {
        if (!s.value) { return true; }
        var have = (item.getAttribute("data-filter-" + s.name) || "").split(" ");
        return have.indexOf(s.value) !== -1;
      });
      if (ok && words) { ok = item.textContent.toLowerCase().indexOf(words) !== -1; }
      item.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (count) { count.textContent = plural ? plural(count, shown) : String(shown); }
    if (record) {
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    }
  }

  var initial = new URLSearchParams(location.search);
  selects.forEach(function (s) { s.value = initial.get(s.name) || ""; });
  search.value = initial.get("q") || "";
  form.hidden = false;
  if (browse) { browse.hidden = true; }
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("input", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  apply(false);
}());
