// The page script that keeps booking states true (themes/hub/static/js/phases.js) against the
// table the build's Rust is tested on (tests/tables/booking-phases.json), and against the
// search records of a built site (BOOKING_PUBLIC): run by tests/booking.rs.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const phases = require('../../themes/hub/static/js/phases.js');

const table = JSON.parse(fs.readFileSync(path.join(__dirname, '../tables/booking-phases.json'), 'utf8'));

test('every status in every phase gives the phase the build gives', () => {
  let checked = 0;
  for (const c of table.cases) {
    const d = { status: c.status, opens: c.opens, closes: c.closes, start: table.start, end: table.end };
    table.moments.forEach(([label, moment], i) => {
      assert.strictEqual(phases.phaseAt(d, Date.parse(moment)), c.phases[i], `${c.status} ${label} (${JSON.stringify(c)})`);
      checked++;
    });
  }
  assert.ok(checked >= 6 * 5, `only ${checked} checks`);
});

// A [data-phases] group as the page (or a search result) holds it, without a browser.
function group(state) {
  const items = state.tags.map((tag, i) => ({ dataset: { phase: tag.phase }, hidden: i > 0, text: tag.text }));
  const node = {
    dataset: { status: state.status, opens: state.opens, closes: state.closes, start: state.start, end: state.end },
    querySelectorAll: () => items,
  };
  return { root: { querySelectorAll: () => [node] }, items };
}

function shownAt(state, moment) {
  const { root, items } = group(state);
  const realNow = Date.now;
  Date.now = () => moment;
  try {
    phases.update(root);
  } finally {
    Date.now = realNow;
  }
  return items.filter((item) => !item.hidden).map((item) => item.text);
}

test('search results of sessions show the state true when they are read', () => {
  const pub = process.env.BOOKING_PUBLIC;
  assert.ok(pub, 'BOOKING_PUBLIC names a built site');
  const dir = path.join(pub, 'search/d');
  // Record files hold several records each, as an array.
  const records = fs.readdirSync(dir).flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const sessions = records.filter((r) => r.k === 'session');
  assert.ok(sessions.length >= 4, `${sessions.length} session records`);
  for (const r of sessions) {
    assert.ok(r.b, `${r.u} carries its booking state`);
    for (const key of ['status', 'opens', 'closes', 'start', 'end']) assert.ok(key in r.b, `${r.u} has ${key}`);
    assert.ok(!r.f.some((f) => /booking|full|waiting/i.test(f)), `${r.u}: no booking status among its facts`);
    const after = Date.parse(r.b.end) + 3600 * 1000;
    const during = Date.parse(r.b.start) + 60 * 1000;
    const expected = r.b.status === 'cancelled' ? ['Cancelled'] : ['Finished'];
    assert.deepStrictEqual(shownAt(r.b, after), expected, `${r.u} read after it ends`);
    if (r.b.status !== 'cancelled') assert.deepStrictEqual(shownAt(r.b, during), ['Happening now'], `${r.u} read while it runs`);
  }
});
