// Filters a week's programme. Without JavaScript every filter value is a link to a page of its
// own (`/sessions/<week>/format/online/`), the current one marked aria-current="page". With it,
// values of different filters combine (day, time of day, weekdays or weekend, who it is for,
// format, cost, childcare and topic), the list
// and its count follow the choice, and every value's count is exact for the choice it would
// make. The choice is kept in the address (`?audience=families&day=2027-03-22`), so a reload or
// a shared link shows the same view.
//
// Counts come from the week's sessions, which every programme page carries as data
// (`<script type="application/json" data-programme-sessions>`, one object a session: its values
// per filter), so a filter page, which lists only some sessions, counts the whole week. A
// filter page's own value is fixed: choosing more values filters its list in place; choosing
// another value of its own filter, or clearing it, goes to that value's page (or the week's)
// with the rest of the choice in the address.
(function () {
  'use strict';
  var box = document.querySelector('[data-programme-filters]');
  var dataNode = document.querySelector('[data-programme-sessions]');
  if (!box || !dataNode || !window.URLSearchParams || !window.history) return;

  var sessions;
  try {
    sessions = JSON.parse(dataNode.textContent);
  } catch (error) {
    return; // The links still work: each value has its page.
  }
  var items = document.querySelectorAll('.session-item');
  var days = document.querySelectorAll('[data-day-section]');
  var count = document.querySelector('[data-result-count]');
  var chosenText = box.querySelector('[data-filter-chosen]');
  var links = box.querySelectorAll('[data-filter-value]');
  var keys = [];
  var chosen = {};
  var fixed = null; // On a filter page: { key, value } of the page's own value.

  for (var i = 0; i < links.length; i++) {
    var key = keyOf(links[i]);
    if (keys.indexOf(key) === -1) keys.push(key);
    if (box.hasAttribute('data-filter-page') && links[i].getAttribute('aria-current') === 'page') {
      fixed = { key: key, value: links[i].dataset.filterValue, link: links[i] };
    }
  }

  function keyOf(link) {
    return link.closest('[data-filter-key]').dataset.filterKey;
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    keys.forEach(function (key) {
      chosen[key] = params.get(key) || '';
    });
    if (fixed) chosen[fixed.key] = fixed.value;
  }

  // The address of `choice`: on `base` (a page's address), every chosen value but `leave`'s.
  function addressOf(base, choice, leave) {
    var params = new URLSearchParams();
    keys.forEach(function (key) {
      if (choice[key] && key !== leave) params.set(key, choice[key]);
    });
    var query = params.toString();
    return base + (query ? '?' + query : '');
  }

  // Whether a session with `values` (filter key to a list of values) matches `choice`.
  function matchesValues(values, choice) {
    return keys.every(function (key) {
      return !choice[key] || (values[key] || []).indexOf(choice[key]) !== -1;
    });
  }

  function itemValues(item) {
    var values = {};
    keys.forEach(function (key) {
      values[key] = (item.dataset[key] || '').split(' ');
    });
    return values;
  }

  function countFor(choice) {
    var n = 0;
    for (var i = 0; i < sessions.length; i++) {
      if (matchesValues(sessions[i], choice)) n++;
    }
    return n;
  }

  function withValue(key, value) {
    var next = {};
    keys.forEach(function (k) {
      next[k] = chosen[k];
    });
    next[key] = value;
    return next;
  }

  // The words are the page's, in its language: the count's data-plural-* (chosen by plural.js)
  // and data-filter-hint.
  function sessionsText(n) {
    return window.hubsitePlural ? window.hubsitePlural(count, n) : String(n);
  }

  function apply() {
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var ok = matchesValues(itemValues(items[i]), chosen);
      items[i].hidden = !ok;
      if (ok) shown++;
    }
    for (var j = 0; j < days.length; j++) {
      days[j].hidden = !days[j].querySelector('.session-item:not([hidden])');
    }
    count.textContent = sessionsText(shown);
    var labels = [];
    for (var k = 0; k < links.length; k++) {
      var link = links[k];
      var key = keyOf(link);
      var value = link.dataset.filterValue;
      var on = chosen[key] === value;
      if (on) {
        link.setAttribute('aria-current', fixed && fixed.link === link ? 'page' : 'true');
        labels.push(link.querySelector('.filter-label').textContent);
      } else {
        link.removeAttribute('aria-current');
      }
      link.querySelector('[data-filter-count]').textContent = '(' + countFor(withValue(key, value)) + ')';
    }
    if (chosenText) chosenText.textContent = labels.length ? ': ' + labels.join(', ') : '';
  }

  box.addEventListener('click', function (event) {
    var link = event.target.closest('[data-filter-value]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    event.preventDefault();
    var key = keyOf(link);
    var value = link.dataset.filterValue;
    var next = withValue(key, chosen[key] === value ? '' : value);
    if (fixed && next[fixed.key] !== fixed.value) {
      // Off this page's list: to the value's own page, or the week's, keeping the rest.
      var week = document.querySelector('[data-week-link]');
      var base = next[fixed.key] ? link.pathname : week ? week.pathname : window.location.pathname;
      window.location.assign(addressOf(base, next, next[fixed.key] ? fixed.key : null));
      return;
    }
    chosen = next;
    window.history.replaceState(null, '', addressOf(window.location.pathname, chosen, fixed && fixed.key));
    apply();
  });

  var hint = document.createElement('p');
  hint.className = 'filter-hint';
  hint.textContent = count.dataset.filterHint || '';
  box.insertBefore(hint, box.children[1] || null);

  // Open on screens wide enough to show the list beside it; on phones the sessions come first.
  if (window.matchMedia && window.matchMedia('(min-width: 40em)').matches) box.open = true;

  readAddress();
  apply();
})();
