// Keeps a session's booking state true when the page is read later than it was built.
// Each [data-phases] element carries the moments that move a session on (booking opens and
// closes, start, end) and holds one child per phase it can reach; this shows the child for
// the reader's current time and hides the others. The rules match hubsite's
// src/model/booking.rs (phase_at). Without JavaScript the build-time state shows, with dates.
(function () {
  'use strict';

  function time(value) {
    return value ? Date.parse(value) : NaN;
  }

  function phaseAt(el, now) {
    var d = el.dataset;
    if (d.status === 'cancelled') return 'cancelled';
    if (now >= time(d.end)) return 'finished';
    if (now >= time(d.start)) return 'happening-now';
    if (d.status === 'not-required') return 'booking';
    if (d.status === 'closed' || now >= time(d.closes)) return 'booking-closed';
    if (now < time(d.opens)) return 'not-yet-open';
    return 'booking';
  }

  function update() {
    var now = Date.now();
    var groups = document.querySelectorAll('[data-phases]');
    for (var i = 0; i < groups.length; i++) {
      var phase = phaseAt(groups[i], now);
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

  update();
  setInterval(update, 60000);
})();
