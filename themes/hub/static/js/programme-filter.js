// Filters a week's programme in place. Without JavaScript every filter value is a link to a
// page of its own; with it, choosing values hides the sessions that do not match, combines
// filters, announces the count, and records the choice in the address (?day=...&format=...).
(function () {
  'use strict';
  var box = document.querySelector('[data-programme-filters]');
  if (!box || !window.URLSearchParams || !window.history) return;

  var items = document.querySelectorAll('.session-item');
  var days = document.querySelectorAll('[data-day-section]');
  var count = document.querySelector('[data-result-count]');
  var chosen = {};

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    ['day', 'audience', 'format', 'topic'].forEach(function (key) {
      chosen[key] = params.get(key) || '';
    });
  }

  function writeAddress() {
    var params = new URLSearchParams();
    Object.keys(chosen).forEach(function (key) {
      if (chosen[key]) params.set(key, chosen[key]);
    });
    var query = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  function matches(item) {
    return Object.keys(chosen).every(function (key) {
      if (!chosen[key]) return true;
      return (' ' + (item.dataset[key] || '') + ' ').indexOf(' ' + chosen[key] + ' ') !== -1;
    });
  }

  function apply() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var ok = matches(items[i]);
      items[i].hidden = !ok;
      if (ok) shown++;
    }
    for (var j = 0; j < days.length; j++) {
      days[j].hidden = !days[j].querySelector('.session-item:not([hidden])');
    }
    count.textContent = shown + (shown === 1 ? ' session' : ' sessions');
    var links = box.querySelectorAll('[data-filter-value]');
    for (var k = 0; k < links.length; k++) {
      var key = links[k].closest('[data-filter-key]').dataset.filterKey;
      var on = chosen[key] === links[k].dataset.filterValue;
      if (on) links[k].setAttribute('aria-current', 'true');
      else links[k].removeAttribute('aria-current');
    }
  }

  box.addEventListener('click', function (event) {
    var link = event.target.closest('[data-filter-value]');
    if (!link) return;
    event.preventDefault();
    var key = link.closest('[data-filter-key]').dataset.filterKey;
    var value = link.dataset.filterValue;
    chosen[key] = chosen[key] === value ? '' : value;
    writeAddress();
    apply();
  });

  var hint = document.createElement('p');
  hint.className = 'filter-hint';
  hint.textContent = 'Choose values to narrow the list; choose a value again to clear it.';
  box.insertBefore(hint, box.children[1] || null);

  readAddress();
  apply();
})();
