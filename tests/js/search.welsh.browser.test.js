// Search on the Welsh fixture site in a real headless Chromium, driven over WebDriver with plain
// fetch: run by tests/search_browser.rs, which builds tests/sites/cymraeg, serves it under its
// folder /teuluoedd/ (SEARCH_SITE) and starts chromedriver (WEBDRIVER).
'use strict';
const test = require('node:test');
const assert = require('node:assert');

const SITE = process.env.SEARCH_SITE;
const WD = process.env.WEBDRIVER;
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const ENTER = '\uE007';

async function wd(method, path, body) {
  const res = await fetch(WD + path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${path}: ${json.value.message}`);
  return json.value;
}

let sid;
const s = (path) => `/session/${sid}${path}`;
const run = (script, ...args) => wd('POST', s('/execute/sync'), { script, args });
const find = async (css) => (await wd('POST', s('/element'), { using: 'css selector', value: css }))[ELEMENT];
const go = (url) => wd('POST', s('/url'), { url });
const clear = async (css) => wd('POST', s(`/element/${await find(css)}/clear`), {});
const type = async (css, text) => wd('POST', s(`/element/${await find(css)}/value`), { text });

// Waits (polling, bounded) until the status matches; returns it with the results.
async function status(expected) {
  for (let i = 0; i < 100; i++) {
    const state = await run(`return {
      status: document.querySelector('[data-search-status]').textContent,
      hrefs: [...document.querySelectorAll('.search-results li > a')].map((a) => a.getAttribute('href')),
      marks: [...document.querySelectorAll('.search-results mark')].map((m) => m.textContent),
    }`);
    if (expected.test(state.status)) return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no status matching ${expected}`);
}

test.before(async () => {
  const session = await wd('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'chrome', 'goog:chromeOptions': {
      binary: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1000,900'],
    } } },
  });
  sid = session.sessionId;
});

test.after(async () => {
  if (sid) await wd('DELETE', s(''));
});

test('a Welsh word finds its page, and the count and "no results" are in Welsh', async () => {
  await go(SITE + '/teuluoedd/search/');
  assert.strictEqual(await run('return document.documentElement.lang'), 'cy');
  await type('#search-query', 'ŵyr' + ENTER);
  const found = await status(/^1 canlyniad ar gyfer ‘ŵyr’$/);
  assert.deepStrictEqual(found.hrefs, ['/teuluoedd/self-help/neiniau-a-theidiau/']);
  // Matches are marked by the same plain words: 'Neiniau' in the title and the summary.
  await clear('#search-query');
  await type('#search-query', 'neiniau' + ENTER);
  const marked = await status(/^1 canlyniad ar gyfer ‘neiniau’$/);
  assert.deepStrictEqual(marked.marks, ['Neiniau', 'neiniau'], `marks: ${marked.marks}`);
  await clear('#search-query');
  await type('#search-query', 'sebra' + ENTER);
  await status(/^Dim canlyniadau ar gyfer ‘sebra’\. Gwiriwch y sillafu/);
});
