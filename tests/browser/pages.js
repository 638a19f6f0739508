// The sites the browser suite builds and the pages it checks in each: one page of every kind.
// To add a page kind, add `kind: '/path/'` to a site's `pages` (and, if the kind has a
// keyboard journey such as booking or searching, an entry to `journeys`). To add a site, add an
// entry to `sites`: `root` is a site folder relative to the repository (copied before building),
// or `scaffold: true` for a site made by `hubsite new`; `basePath` serves it under a folder
// (`/familyhub`), as its base_url says, and its pages' paths then start with that folder;
// `language` builds it in another language than its hubsite.toml says.
'use strict';

const assert = require('node:assert/strict');

/** The moment every site under test describes, so booking states and lists never drift. */
const NOW = '2024-03-04T09:00:00Z';

const sites = {
  // A site made by `hubsite new`: what a council starts from.
  scaffold: {
    scaffold: true,
    pages: {
      home: '/',
      'self-help section': '/self-help/',
      'self-help': '/self-help/arguments/',
      'content page': '/hide-your-visit/',
      'topic index': '/topics/',
      topic: '/topics/parental-conflict/',
      'week programme (no sessions yet)': '/sessions/first-week/',
      404: '/no-such-page/',
    },
    // Pages whose 'Exit this page' button is tested (on by default for self-help).
    exit: ['/self-help/arguments/'],
  },
  // The programme fixture of the Rust tests: a week with sessions in every booking state.
  programme: {
    root: 'tests/sites/programme',
    pages: {
      home: '/',
      programmes: '/sessions/',
      'week programme': '/sessions/spring/',
      session: '/sessions/spring/teenagers/',
      'cancelled session': '/sessions/spring/cancelled/',
      'filter page': '/sessions/spring/format/online/',
      day: '/sessions/spring/day/2024-03-26/',
      host: '/sessions/hosts/example-trust/',
      poster: '/sessions/spring/poster/',
    },
    exit: [],
  },
  // The directory fixture of the Rust tests: three services (one with unsafe partner text).
  directory: {
    root: 'tests/sites/directory',
    pages: {
      'directory home': '/directory/',
      'directory A to Z': '/directory/a-z/',
      'directory filter page': '/directory/category/mediation/',
      service: '/directory/family-mediation/',
      'service with sanitised text': '/directory/unsafe-partner/',
      'self-help with related services': '/self-help/arguments/',
    },
    exit: ['/directory/'],
  },
  // The booklet fixture: a week with a published booklet, and a resource library.
  booklet: {
    root: 'tests/sites/booklet',
    pages: {
      booklet: '/sessions/spring/booklet/',
      'resource library': '/resources/',
      'resources by kind': '/resources/kind/video/',
      'resources by topic': '/resources/topic/teenagers/',
      'self-help with related resources': '/self-help/teenagers/',
      'topic with resources': '/topics/teenagers/',
    },
    exit: [],
  },
  // The smallest fixture site of the Rust tests.
  minimal: {
    root: 'tests/sites/minimal',
    pages: {
      home: '/',
      section: '/guides/',
      'content page': '/guides/first/',
      topic: '/topics/money-worries/',
      search: '/search/',
    },
    exit: [],
  },
  // The second example site, hosted under a folder (base_url https://council.example.gov.uk/familyhub/)
  // and served under it, as its host would: every link, script, stylesheet and search file must
  // carry the folder, or the page is unstyled, its scripts fail and its links leave the site.
  council: {
    root: 'tests/sites/council',
    basePath: '/familyhub',
    pages: {
      home: '/familyhub/',
      'self-help': '/familyhub/self-help/is-it-abuse/',
      'week programme': '/familyhub/sessions/spring-2027/',
      'my sessions': '/familyhub/sessions/spring-2027/mine/#s=bump-and-baby-drop-in,dads-breakfast',
      'search with results': '/familyhub/search/#q=teenagers',
      'self-help section with pages for practitioners': '/familyhub/self-help/',
      'practitioners guide': '/familyhub/directory/for-practitioners/',
      'service for practitioners only': '/familyhub/directory/family-intensive-support/',
      404: '/familyhub/no-such-page/',
      // Its Welsh pages (issue 20), under /familyhub/cy/: translated pages and pages made from data.
      'Welsh home': '/familyhub/cy/',
      'Welsh safety page': '/familyhub/cy/self-help/is-it-abuse/',
      'Welsh hide your visit': '/familyhub/cy/hide-your-visit/',
      'Welsh session': '/familyhub/cy/sessions/spring-2027/dads-breakfast/',
    },
    exit: ['/familyhub/self-help/is-it-abuse/', '/familyhub/directory/for-practitioners/', '/familyhub/cy/self-help/is-it-abuse/'],
  },
  // The Welsh-only fixture (issue 20), and the same site built in Arabic (`language` replaces
  // its hubsite.toml's): the live counts of the programme and 'my sessions' must take each
  // language's plural forms (Welsh and Arabic have six). Hosted under /teuluoedd/, as its
  // base_url says. The Arabic build's pages run right to left: every check of a page kind, and
  // the mirrored layout (suite.test.js, 'right to left').
  cymraeg: {
    root: 'tests/sites/cymraeg',
    basePath: '/teuluoedd',
    pages: {},
    exit: [],
  },
  arabic: {
    root: 'tests/sites/cymraeg',
    basePath: '/teuluoedd',
    language: 'ar',
    pages: {
      home: '/teuluoedd/',
      'week programme': '/teuluoedd/sessions/wythnos-teuluoedd-2024/',
      'safety page with the exit control': '/teuluoedd/self-help/ai-cam-drin-yw-e/',
    },
    // Its exit control is checked in 'right to left' (the standard exit checks read English).
    exit: [],
  },
  // The Arabic-only fixture (Arabic text throughout, a session titled in Punjabi).
  'arabic-site': {
    root: 'tests/sites/arabic',
    pages: {
      home: '/',
      'week programme': '/sessions/rabi/',
      session: '/sessions/rabi/fahm-almurahiqin/',
      service: '/directory/markaz-alusra/',
    },
    exit: [],
  },
  // The example site at the repository root: one page of every kind a reader meets.
  example: {
    root: '.',
    pages: {
      home: '/',
      'week programme': '/sessions/2024/',
      session: '/sessions/2024/relationships-with-nature/',
      'session to come': '/sessions/2027/family-morning/',
      booklet: '/sessions/2024/booklet/',
      'self-help section': '/self-help/',
      'self-help': '/self-help/domestic-abuse/',
      'hide your visit': '/hide-your-visit/',
      'accessibility statement': '/accessibility/',
      'directory home': '/directory/',
      'directory filter page': '/directory/level/specialist/',
      service: '/directory/family-mediation/',
      'practitioners guide': '/directory/for-practitioners/',
      'resource library': '/resources/',
      'search with results': '/search/#q=mediation',
      404: '/no-such-page/',
      // Its Welsh pages (issue 20), under /cy/.
      'Welsh home': '/cy/',
      'Welsh safety page': '/cy/self-help/domestic-abuse/',
      'Welsh hide your visit': '/cy/hide-your-visit/',
      'Welsh self-help': '/cy/self-help/calming-an-argument/',
      'Welsh week programme': '/cy/sessions/2027/',
      'Welsh session': '/cy/sessions/2027/family-morning/',
    },
    // Sensitive by content (the domestic-abuse topic is `sensitive = true`), not by section:
    // the topic page, the programme's topic filter, the library's topic page and search.
    exit: [
      '/self-help/domestic-abuse/',
      '/directory/',
      '/topics/domestic-abuse/',
      '/sessions/2027/topic/domestic-abuse/',
      '/resources/topic/domestic-abuse/',
      '/search/',
      '/cy/self-help/domestic-abuse/',
    ],
  },
};

/**
 * Keyboard-only journeys, by site: a name, the page to start at, and a function given the
 * Playwright page and `{ foreign, tabTo }` that completes the task with the keyboard alone
 * (`tabTo(page, test)` presses Tab until the focused link or control passes `test`, given
 * { text, href, tag }). Searching joins here when the search page lands.
 */
const journeys = {
  example: [
    {
      name: 'the language switcher leads to the same page in Welsh, and back',
      path: '/self-help/domestic-abuse/',
      run: async (page) => switchLanguage(page, '/self-help/domestic-abuse/', '/cy/self-help/domestic-abuse/'),
    },
    {
      name: "on a page with no Welsh, the switcher says it leads to the Welsh home page",
      path: '/about-the-week/',
      run: async (page, { tabTo }) => {
        const focus = await tabTo(page, (f) => f.href === '/cy/');
        assert.equal(focus.text, "Hafan Gymraeg (nid yw'r dudalen hon ar gael yn Gymraeg)");
        await Promise.all([page.waitForURL('**/cy/'), page.keyboard.press('Enter')]);
        assert.equal(await page.locator('html').getAttribute('lang'), 'cy');
      },
    },
  ],
  council: [
    {
      name: 'the language switcher leads to the same page in Welsh under the folder, and back',
      path: '/familyhub/self-help/is-it-abuse/',
      run: async (page) => switchLanguage(page, '/familyhub/self-help/is-it-abuse/', '/familyhub/cy/self-help/is-it-abuse/'),
    },
  ],
  programme: [
    {
      name: 'booking a session from the week programme',
      path: '/sessions/spring/',
      run: async (page, { foreign, tabTo }) => {
        await tabTo(page, (focus) => focus.href === '/sessions/spring/teenagers/');
        await Promise.all([page.waitForURL('**/sessions/spring/teenagers/'), page.keyboard.press('Enter')]);
        await tabTo(page, (focus) => focus.text.startsWith('Book a place'));
        await page.keyboard.press('Enter');
        // The booking form is another site: the guard records the request and stops it.
        await waitFor(() => foreign.includes('https://example.org/book?session=teenagers'));
      },
    },
  ],
};

/**
 * From English page `english`, Tab to the switcher's Welsh link and follow it with Enter: the
 * same page in Welsh (`<html lang="cy">`); then Tab to its English link and back.
 */
async function switchLanguage(page, english, welsh) {
  const { tabTo } = require('./lib/checks');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en-GB');
  const toWelsh = await tabTo(page, (focus) => focus.href === welsh);
  assert.equal(toWelsh.text, 'Cymraeg');
  await Promise.all([page.waitForURL((url) => url.pathname === welsh), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'cy');
  const toEnglish = await tabTo(page, (focus) => focus.href === english);
  assert.equal(toEnglish.text, 'English');
  await Promise.all([page.waitForURL((url) => url.pathname === english), page.keyboard.press('Enter')]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en-GB');
}

/** Resolves once `condition()` is true; gives up after 100 tries 20 ms apart. */
async function waitFor(condition) {
  for (let i = 0; i < 100; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`never happened: ${condition}`);
}

/**
 * A deliberately broken site (image without alt text, unlabelled input): the accessibility
 * check must report violations on it, which shows the check can fail.
 */
const broken = { root: 'tests/sites/broken-a11y', page: '/' };

/**
 * The XSS fixture of the Rust tests (tests/xss/README.md): every HTML page it builds is loaded
 * by xss.test.js, with and without the pages' Content Security Policy, and no payload may run.
 * `control` is its negative control, whose organisers' template runs the marker on purpose;
 * `searches` are queries run through the search page (search.js) and the directory filter,
 * words that the payloads hold (so results show them) and payloads themselves.
 */
const xss = {
  root: 'tests/sites/xss',
  control: '/xss-control/',
  searches: ['script', 'alert', 'xss', 'onerror', 'javascript', 'img', 'svg', 'iframe', 'hyperlink', 'cmd', 'click'],
  payloadSearches: ['<script>window.__xss=1;alert(1)</script>', '"><img src=x onerror="window.__xss=4;alert(4)">', 'javascript:window.__xss=8'],
};

module.exports = { NOW, sites, journeys, broken, xss };
