// 'My sessions' (issue 19, item 6) as plain functions of a Playwright page: the buttons
// my-sessions.js adds, the calendar file the 'my sessions' page offers, and every place a page
// could keep something on the device (which must all stay empty: the choice lives only in the
// address).
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

/** The 'Add to my sessions' / 'Remove' buttons on the page: [{ slug, text, name }]. */
async function toggles(page) {
  return page.locator('[data-my-sessions-toggle]').evaluateAll((buttons) =>
    buttons
      .filter((b) => b.offsetParent !== null)
      .map((b) => ({ slug: b.dataset.mySessionsToggle, text: b.textContent, name: b.getAttribute('aria-label') })),
  );
}

/** Clicks the visible button of session `slug`. */
async function toggle(page, slug) {
  await page.locator(`[data-my-sessions-toggle="${slug}"]:visible`).click();
}

/** The slugs the address names (`#s=a,b`). */
function chosenIn(url) {
  const match = /#s=([^&]*)/.exec(url);
  return match ? match[1].split(',').filter(Boolean) : [];
}

/** The text of the live region that counts the chosen sessions. */
async function countText(page) {
  return page.locator('[data-my-sessions-count]').innerText();
}

/** The slugs of the session cards shown on the 'my sessions' page, in page order. */
async function shownCards(page) {
  return page.locator('[data-mine-page] .session-item').evaluateAll((items) =>
    items
      .filter((item) => !item.hidden)
      .map((item) => item.querySelector('.session-item__title a').pathname.replace(/\/$/, '').split('/').pop()),
  );
}

/**
 * Everything a page of this origin keeps on the device: cookies, localStorage, sessionStorage
 * and IndexedDB databases (all must be empty: nothing left on a shared or watched phone).
 */
async function everythingStored(context, page) {
  const cookies = (await context.cookies()).map((c) => c.name);
  const kept = await page.evaluate(async () => ({
    local: Object.keys(window.localStorage),
    session: Object.keys(window.sessionStorage),
    indexedDB: (await window.indexedDB.databases()).map((db) => db.name),
    cookie: document.cookie,
  }));
  return { cookies, ...kept };
}

/** Clicks the 'my sessions' page's download link and saves the file into `folder`; returns its path. */
async function downloadCalendar(page, folder) {
  const link = page.locator('[data-my-sessions-download]');
  await link.waitFor({ state: 'visible' });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/**
 * Reads the calendar file `mine` and the per-session files `own` with Python's icalendar and
 * returns the events of each, by UID, as icalendar writes them again: the two must be equal.
 * Also checks CRLF line ends and 75-octet lines (an AssertionError fails the call).
 */
function icalendarEvents(mine, own) {
  const script = `
import json, sys
from icalendar import Calendar
def events(path):
    data = open(path, 'rb').read()
    assert b'\\n' not in data.replace(b'\\r\\n', b''), path + ': lines must end with CRLF'
    assert all(len(line) <= 75 for line in data.split(b'\\r\\n')), path + ': a line over 75 octets'
    return {str(e['UID']): e.to_ical().decode() for e in Calendar.from_ical(data).walk('VEVENT')}
own = {}
for path in sys.argv[2:]:
    own.update(events(path))
print(json.dumps({'mine': events(sys.argv[1]), 'own': own}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script, mine, ...own], { encoding: 'utf8' }));
}

/** Saves the text at `url` (fetched by the page's context, so from 127.0.0.1) as `file`. */
async function save(context, url, file) {
  const response = await context.request.get(url);
  if (!response.ok()) throw new Error(`${url}: ${response.status()}`);
  fs.writeFileSync(file, await response.body());
  return file;
}

module.exports = { toggles, toggle, chosenIn, countText, shownCards, everythingStored, downloadCalendar, icalendarEvents, save };
