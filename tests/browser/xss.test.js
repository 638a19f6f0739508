// The XSS corpus in a real browser: the fixture tests/sites/xss (every payload of
// tests/xss/payloads.txt in every text field of sessions, pages, directory services and topics)
// is built with hubsite, and every HTML page it produces is loaded in headless Chromium, then
// the search page and the directory filter are run with queries that find the payloads.
//
// Each page is loaded twice: as published, and with its Content Security Policy switched off
// (Playwright's bypassCSP). The payloads try to open a dialog, set `window.__xss` and request
// `/__xss/...`; any of these is a failure, and so is a request to another origin, leaving the
// page, an uncaught exception, or an event handler or script link left live in the page (those
// wait for a click, so are looked for in the DOM as the browser parsed it).
// Without the CSP, that proves the escaping and the cleaner alone keep every payload inert; with
// it, any `securitypolicyviolation` is a failure too, since the policy only has something to
// block when a payload reached the page as live markup. The fixture's negative control (a page
// whose organisers' template runs the marker on purpose) must be caught in both modes, and its
// inline script must run only when the CSP is off: so the detectors, and the switch, work.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');
const { chromium } = require('playwright-core');

const { NOW, xss } = require('./pages');
const checks = require('./lib/checks');
const { serveFolder } = require('./lib/server');
const { buildSite, scratch, writeNeutralSite } = require('./lib/sites');

/** The two ways every page is loaded. */
const MODES = [
  { name: 'with the CSP', options: {} },
  { name: 'without the CSP', options: { bypassCSP: true } },
];
/** Paths the payloads (and the control) request when they run. */
const MARKER = '/__xss/';

const state = { browser: null, work: null, servers: [], origin: null, pages: [] };

before(async () => {
  state.work = scratch();
  const neutral = await serveFolder(writeNeutralSite(state.work));
  state.servers.push(neutral.server);
  const output = buildSite('xss', xss, { work: state.work, now: NOW, exitUrl: `${neutral.origin}/neutral.html` });
  const served = await serveFolder(output);
  state.servers.push(served.server);
  state.origin = served.origin;
  state.pages = htmlPages(output);
  state.browser = await checks.launchBrowser(chromium);
});

after(async () => {
  await state.browser?.close();
  for (const server of state.servers) server.close();
  if (state.work) fs.rmSync(state.work, { recursive: true, force: true });
});

/** Every HTML file under `root`, as the path a browser asks for (`a/index.html` → `/a/`). */
function htmlPages(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.html')) found.push(`/${path.relative(root, full).split(path.sep).join('/')}`.replace(/index\.html$/, ''));
    }
  };
  walk(root);
  return found.sort();
}

/**
 * A browser context for `mode`. `visit(urlPath, act)` loads the page, runs `act(page)`, and
 * returns the tab and what a running payload would have left behind: dialogs (dismissed),
 * requests to the marker paths, requests to other origins (aborted by the guard), uncaught
 * exceptions, CSP violations, the marker globals, a page left, and live script links and
 * event handlers (which wait for a click, so cannot be seen running). After a visit that found
 * anything, the next gets a fresh tab, so that nothing a page left pending (a refresh, a
 * dialog) is blamed on the next one; clean visits share a tab, which is much quicker.
 */
async function detector(mode) {
  const { context, foreign } = await checks.guardedContext(state.browser, { now: NOW, ...mode.options });
  let tab = null;
  let seen = null;

  async function freshTab() {
    await tab?.close();
    tab = await context.newPage();
    tab.on('dialog', (dialog) => {
      seen.dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    tab.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith(MARKER)) seen.markers.push(url.pathname);
    });
    tab.on('pageerror', (error) => seen.errors.push(String(error)));
  }

  async function visit(urlPath, act = async () => {}) {
    if (!tab || findings(seen).length) await freshTab();
    seen = { dialogs: [], markers: [], errors: [], foreign: [], violations: [], globals: {}, live: [], left: null };
    const start = foreign.length;
    const target = state.origin + urlPath;
    try {
      // A payload that navigates (a meta refresh to another site) makes this throw: the guard
      // aborts the request, and the browser shows its error page instead.
      await tab.goto(target, { waitUntil: 'load', timeout: 15000 });
      await act(tab);
      // Autofocus and SVG animations start when the page is next drawn: wait two frames.
      await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      Object.assign(seen, await tab.evaluate(LOOK));
    } catch (error) {
      seen.errors.push(`the visit failed: ${error.message.split('\n')[0]}`);
    }
    if (new URL(tab.url()).pathname !== new URL(target).pathname) seen.left = tab.url();
    seen.foreign = foreign.slice(start);
    return { page: tab, seen };
  }
  return { context, visit };
}

/**
 * Runs in the page: the CSP violations recorded, the marker globals, and live handlers and
 * links: `on*` attributes, and addresses the browser resolves to a script or data scheme
 * (however the payload spelt them: entities, tabs, capitals).
 */
const LOOK = () => {
  const live = [];
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const name of element.getAttributeNames()) {
      if (name.startsWith('on')) live.push(`${tag} ${name}`);
    }
    for (const property of ['href', 'src', 'action', 'formAction', 'data']) {
      const value = element[property];
      if (typeof value !== 'string' || !value) continue;
      let scheme = '';
      try {
        scheme = new URL(value, location.href).protocol;
      } catch {
        continue;
      }
      if (['javascript:', 'vbscript:', 'data:'].includes(scheme) && !value.startsWith('data:image/png')) live.push(`${tag} ${property}=${value.slice(0, 40)}`);
    }
  }
  return { violations: window.__cspViolations || [], globals: { xss: window.__xss, inline: window.__xssInline }, live };
};

/** What a visit saw that shows a payload ran or reached the page live; empty when inert. */
function findings(seen) {
  const found = [];
  if (seen.dialogs.length) found.push(`dialogs: ${seen.dialogs.join(', ')}`);
  if (seen.markers.length) found.push(`marker requests: ${seen.markers.join(', ')}`);
  if (seen.globals.xss !== undefined || seen.globals.inline !== undefined) found.push(`window.__xss = ${seen.globals.xss}, __xssInline = ${seen.globals.inline}`);
  if (seen.foreign.length) found.push(`requests to other origins: ${seen.foreign.join(', ')}`);
  if (seen.violations.length) found.push(`CSP violations: ${seen.violations.join('; ')}`);
  if (seen.errors.length) found.push(`script errors: ${seen.errors.join('; ')}`);
  if (seen.left) found.push(`left the page for ${seen.left}`);
  if (seen.live.length) found.push(`live handlers or script links: ${seen.live.join(', ')}`);
  return found;
}

/**
 * Makes every visit ({ urlPath, act?, expect? }) in `mode`; returns one line per visit that
 * found something, or whose `expect(page)` was not true.
 */
async function sweep(mode, visits) {
  const failures = [];
  const { context, visit } = await detector(mode);
  try {
    for (const next of visits) {
      const { page, seen } = await visit(next.urlPath, next.act);
      const found = findings(seen);
      if (next.expect && !(await next.expect(page))) found.push('not what was expected (see the test)');
      if (found.length) failures.push(`${next.urlPath}: ${found.join(' | ')}`);
    }
  } finally {
    await context.close();
  }
  return failures;
}

/** Runs the search page for `query` and shows every result ('Show more' until none is left). */
function searchFor(query) {
  return {
    urlPath: `/search/#q=${encodeURIComponent(query)}`,
    act: async (page) => {
      await page.waitForFunction(() => document.querySelector('[data-search-status]')?.textContent.trim() !== '', null, { timeout: 10000 });
      const more = page.locator('[data-search-more]');
      const results = page.locator('[data-search-results] > li');
      for (let i = 0; i < 50 && (await more.isVisible()); i += 1) {
        const before = await results.count();
        await more.click();
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-search-results] > li').length > n || document.querySelector('[data-search-more]').hidden,
          before,
        );
      }
    },
  };
}

describe('the XSS corpus in Chromium (tests/sites/xss)', () => {
  test('the fixture builds into every kind of page the payloads reach', () => {
    for (const kind of ['/sessions/xss/payload-00/', '/payloads/payload-00/', '/directory/payload-00/', '/topics/payload-00/', '/directory/', '/directory/a-z/', '/search/', '/404.html', xss.control]) {
      assert.ok(state.pages.includes(kind), `${kind} among ${state.pages.length} pages`);
    }
  });

  for (const mode of MODES) {
    test(`no payload runs on any page, ${mode.name}`, async () => {
      const visits = state.pages.filter((p) => p !== xss.control).map((urlPath) => ({ urlPath }));
      const failures = await sweep(mode, visits);
      assert.equal(failures.length, 0, `payloads ran or reached ${failures.length} of ${visits.length} pages:\n${failures.join('\n')}`);
    });

    test(`search results and directory filters show the payloads as text, ${mode.name}`, async () => {
      const visits = [];
      for (const query of xss.searches) {
        // Words the payloads hold: there must be results, all of them shown.
        visits.push({ ...searchFor(query), expect: async (page) => (await page.locator('[data-search-results] > li').count()) > 0 });
      }
      for (const query of [...xss.searches, ...xss.payloadSearches]) {
        visits.push({ urlPath: `/directory/?q=${encodeURIComponent(query)}` });
      }
      for (const query of xss.payloadSearches) visits.push(searchFor(query));
      // A result's title is the payload itself, shown as text.
      visits.push({
        ...searchFor('script'),
        expect: async (page) => (await page.locator('.search-result__title').allTextContents()).includes('<script>window.__xss=1;alert(1)</script>'),
      });
      const failures = await sweep(mode, visits);
      assert.equal(failures.length, 0, failures.join('\n'));
    });
  }

  test('the negative control is caught with the CSP: its script file runs, its inline script is blocked', async () => {
    const { context, visit } = await detector(MODES[0]);
    try {
      const { seen } = await visit(xss.control);
      assert.deepEqual(seen.dialogs, ['control']);
      assert.deepEqual(seen.markers, ['/__xss/control']);
      assert.deepEqual(seen.globals, { xss: 'control', inline: undefined });
      assert.ok(seen.violations.some((v) => v.startsWith('script-src')), seen.violations.join('; '));
    } finally {
      await context.close();
    }
  });

  test('the negative control is caught without the CSP, and its inline script runs there', async () => {
    const { context, visit } = await detector(MODES[1]);
    try {
      const { seen } = await visit(xss.control);
      assert.deepEqual(seen.dialogs, ['control']);
      assert.deepEqual(seen.markers.sort(), ['/__xss/control', '/__xss/inline']);
      assert.deepEqual(seen.globals, { xss: 'control', inline: 1 });
      assert.deepEqual(seen.violations, []);
    } finally {
      await context.close();
    }
  });
});
