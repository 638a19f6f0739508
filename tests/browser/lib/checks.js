// The checks the suite runs on each page, as plain functions of a Playwright page or context,
// so that the same function is run on the good sites and on the deliberately broken one.
'use strict';

const fs = require('node:fs');

/** axe-core's WCAG 2.2 A and AA rules (the tags axe gives them). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium, or $CHROMIUM. */
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The flags that work as root on a closed network (../../../shared/docs/browser-testing.md);
// Playwright adds --headless and a fresh, empty --user-data-dir of its own.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium for a test file (`chromium` is playwright-core's). */
function launchBrowser(chromium) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** Phone and desktop widths for screenshots. */
const WIDTHS = { phone: 375, desktop: 1280 };

// Runs before any page script: records Content-Security-Policy violations on the page.
const RECORD_CSP = () => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
  });
};

/**
 * A new browser context that lets requests reach 127.0.0.1 only: every other request is
 * recorded in `foreign` and aborted, so nothing leaves the machine even if a page tries.
 * With `now`, the page's clock is fixed there, as the build's `--now` is, so that scripts
 * that look at the time (booking phases) agree with the HTML.
 */
async function guardedContext(browser, { now, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: WIDTHS.desktop, height: 900 }, ...options });
  if (now) await context.clock.setFixedTime(new Date(now));
  const foreign = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });
  if (options.javaScriptEnabled !== false) await context.addInitScript(RECORD_CSP);
  return { context, foreign };
}

/**
 * Opens `url` in a new page of `context`, recording console errors, uncaught exceptions and
 * failed loads. Returns { page, response, problems } where problems fill in as the page runs.
 */
async function openPage(context, url) {
  const page = await context.newPage();
  const problems = { console: [], errors: [], failed: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.errors.push(String(error)));
  page.on('requestfailed', (request) => problems.failed.push(`${request.url()}: ${request.failure()?.errorText}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  return { page, response, problems };
}

/** Console errors, other than the one a 404 page logs for its own status. */
function consoleErrors(problems, { expectNotFound = false } = {}) {
  const ignored = expectNotFound ? /status of 404/ : null;
  return problems.console.filter((text) => !(ignored && ignored.test(text))).concat(problems.errors);
}

/** CSP violations the page met (needs a context from `guardedContext`). */
async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

/**
 * axe-core's WCAG 2.2 A/AA violations on the page, as short lines (rule: target, message).
 * axe is evaluated through the DevTools protocol, which the page's CSP does not govern.
 */
async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} – ${violation.help}`),
  );
}

/** Cookies, localStorage and sessionStorage the page set. */
async function storedState(context, page) {
  const cookies = await context.cookies();
  const storage = await page.evaluate(() => ({
    local: Object.keys(window.localStorage),
    session: Object.keys(window.sessionStorage),
  }));
  return { cookies: cookies.map((c) => c.name), ...storage };
}

/**
 * How far the page scrolls sideways, in CSS pixels (0 is right), and the widest element
 * that sticks out, to say what to fix.
 */
async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const overflow = root.scrollWidth - root.clientWidth;
    let culprit = null;
    if (overflow > 0) {
      // Past the right edge, or the left on a right-to-left page (which scrolls that way).
      const rtl = getComputedStyle(root).direction === 'rtl';
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        const beyond = rtl ? -box.left : box.right - root.clientWidth;
        if (beyond > 1 && (!culprit || beyond > culprit.beyond)) {
          culprit = { beyond, element: element.outerHTML.slice(0, 120) };
        }
      }
    }
    return { overflow, culprit: culprit && culprit.element };
  });
}

/** A short description of the focused element and whether its focus is visible. */
async function focusState(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: 'body', visible: false, text: '' };
    const style = window.getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    const shadow = style.boxShadow !== 'none';
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      href: element.getAttribute('href'),
      text: (element.textContent || '').trim().slice(0, 60),
      visible: outline || shadow,
    };
  });
}

/** Presses Tab until the focused element passes `test(focusState)`; fails after 150 presses. */
async function tabTo(page, test) {
  for (let i = 0; i < 150; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await focusState(page);
    if (test(focus)) {
      if (!focus.visible) throw new Error(`focus is not visible on ${JSON.stringify(focus)}`);
      return focus;
    }
  }
  throw new Error(`no Tab stop matched ${test}`);
}

module.exports = {
  launchBrowser,
  tabTo,
  AXE_TAGS,
  WIDTHS,
  guardedContext,
  openPage,
  consoleErrors,
  cspViolations,
  axeViolations,
  storedState,
  sidewaysOverflow,
  focusState,
};
