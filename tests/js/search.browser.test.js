// Search in a real headless Chromium, driven over WebDriver with plain fetch (no packages):
// run by tests/search_browser.rs, which builds the fixture site, serves it on 127.0.0.1
// (SEARCH_SITE) and starts chromedriver (WEBDRIVER).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');

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
const type = async (css, text) => wd('POST', s(`/element/${await find(css)}/value`), { text });
const click = async (css) => wd('POST', s(`/element/${await find(css)}/click`), {});
const go = (url) => wd('POST', s('/url'), { url });

// Waits (polling, bounded) until the page shows a status; returns it with the results.
async function results(expectStatus) {
  for (let i = 0; i < 100; i++) {
    const state = await run(`return {
      status: document.querySelector('[data-search-status]').textContent,
      hrefs: [...document.querySelectorAll('.search-results li > a')].map((a) => a.getAttribute('href')),
      marks: [...document.querySelectorAll('.search-results mark')].map((m) => m.textContent),
      kinds: [...document.querySelectorAll('.search-result__meta')].map((p) => p.textContent),
    }`);
    if (state.status && expectStatus.test(state.status)) return state;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no results shown');
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

test('typing shows ranked results with matches highlighted, announced in a live region', async () => {
  await go(SITE + '/search/');
  const nojs = await run(`return document.querySelector('[data-search-nojs]').hidden`);
  assert.strictEqual(nojs, true, 'the no-JavaScript message is hidden once the script runs');
  await type('#search-query', 'mediat');
  const state = await results(/for ‘mediat’/);
  assert.strictEqual(state.hrefs[0], '/self-help/mediation/');
  assert.ok(state.marks.some((m) => /^mediation$/i.test(m)), `marks: ${state.marks}`);
  const live = await run(`const p = document.querySelector('[data-search-status]'); return [p.getAttribute('role'), p.getAttribute('aria-live')]`);
  assert.deepStrictEqual(live, ['status', 'polite']);
});

test('the kind filter keeps only that kind, from the keyboard too', async () => {
  await go(SITE + '/search/');
  await type('#search-query', 'free' + ENTER);
  const all = await results(/results? for ‘free’$/);
  assert.ok(all.hrefs.includes('/news/webinar/') && all.hrefs.includes('/self-help/counselling/'), `${all.hrefs}`);
  await click('#kind-page');
  const pages = await results(/in page/);
  assert.deepStrictEqual(pages.hrefs, ['/news/webinar/']);
  // Arrow keys move between the radio buttons, as in any radio group: twice right from
  // 'Everything' (past 'Session') is 'Self-help'.
  await wd('POST', s(`/element/${await find('#kind-all')}/value`), { text: '\uE014\uE014' });
  const selfHelp = await results(/in self-help/);
  assert.ok(selfHelp.hrefs.length > 0 && selfHelp.kinds.every((k) => k.startsWith('Self-help')), `${selfHelp.kinds}`);
  const png = await wd('GET', s('/screenshot'));
  if (process.env.SEARCH_SCREENSHOT) fs.writeFileSync(process.env.SEARCH_SCREENSHOT, Buffer.from(png, 'base64'));
});

test('the header box hands the query over without putting it in the address or storage', async () => {
  await go(SITE + '/');
  await type('#site-search-q', 'teenagers' + ENTER);
  const state = await results(/for ‘teenagers’/);
  assert.strictEqual(state.hrefs[0], '/self-help/teenagers/');
  const where = await run(`return [location.href, history.length, localStorage.length, sessionStorage.length, document.cookie]`);
  assert.strictEqual(where[0], SITE + '/search/', 'the query is taken out of the address');
  assert.deepStrictEqual(where.slice(2), [0, 0, '']);
  const requests = await run(`return performance.getEntriesByType('resource').map((e) => e.name)`);
  assert.ok(requests.every((url) => url.startsWith(SITE + '/')), `only same-origin requests: ${requests}`);
  assert.ok(requests.every((url) => !url.includes('teenagers')), 'the query is in no request');
});
