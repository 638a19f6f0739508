// Keeps a session's booking state true when the page is read later than it was built.
// Each [data-phases] element carries the moments that move a session on (booking opens and
// closes, start, end) and holds one child per phase it can reach; this shows the child for
// the reader's current time and hides the others. The rules match hubsite's
// src/model/booking.rs (phase_at): tests/tables/booking-phases.json is checked against both.
// Without JavaScript the build-time state shows, with dates. Search results (search.js) call
// hubsitePhases.update on the results they add.
(function () {
  'use strict';

  function time(value) {
    return value ? Date.parse(value) : NaN;
  }

  // The phase at `now` (milliseconds) of a session described by `d`: status, opens, closes,
  // start and end (RFC 3339; opens and closes may be empty).
  function phaseAt(d, now) {
    if (d.status === 'cancelled') return 'cancelled';
    if (now >= time(d.end)) return 'finished';
    if (now >= time(d.start)) return 'happening-now';
    if (d.status === 'not-required') return 'booking';
    // Before opening, even a session marked closed says when booking opens.
    if (now < time(d.opens)) return 'not-yet-open';
    if (d.status === 'closed' || now >= time(d.closes)) return 'booking-closed';
    return 'booking';
  }

  // Shows, in every [data-phases] group under `root` (the document by default), the child of
  // the phase reached by now.
  function update(root) {
    var now = Date.now();
    var groups = (root || document).querySelectorAll('[data-phases]');
    for (var i = 0; i < groups.length; i++) {
      var phase = phaseAt(groups[i].dataset, now);
      var items = groups[i].querySelectorAll('[data-phase]');
      var has = false;
      for (var j = 0; j < items.length; j++) {
        if (items[j].dataset.phase === phase) has = true;
      }
      // Only switch when the page holds the phase reached; otherwise keep what the build said.
      if (!has) continue;
      for (var k = 0; k < items.length; k++) {
        items[k].hidden = items[k].dataset.phase !== phase;
      }
    }
  }

  var api = { phaseAt: phaseAt, update: update };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;
  window.hubsitePhases = api;

  update();
  setInterval(function () { update(); }, 60000);
})();
