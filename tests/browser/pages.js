// The sites the browser suite builds and the pages it checks in each: one page of every kind.
// To add a page kind, add `kind: '/path/'` to a site's `pages` (and, if the kind has a
// keyboard journey such as booking or searching, an entry to `journeys`). To add a site, add an
// entry to `sites`: `root` is a site folder relative to the repository (copied before building),
// or `scaffold: true` for a site made by `hubsite new`.
'use strict';

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
      404: '/no-such-page/',
    },
    // Pages whose 'Exit this page' button is tested (on by default for self-help).
    exit: ['/self-help/arguments/'],
  },
  // The smallest fixture site of the Rust tests.
  minimal: {
    root: 'tests/sites/minimal',
    pages: {
      home: '/',
      section: '/guides/',
      'content page': '/guides/first/',
      topic: '/topics/money-worries/',
    },
    exit: [],
  },
  // To come, when the example site builds (the repository root) and its page kinds land:
  // example: {
  //   root: '.',
  //   pages: {
  //     home: '/', 'week programme': '/sessions/2024/', session: '/sessions/2024/<slug>/',
  //     booklet: '/sessions/2024/booklet/', 'self-help': '/self-help/arguments/',
  //     'directory home': '/directory/', 'filter page': '/directory/<filter>/',
  //     service: '/directory/<id>/', 'search with results': '/search/?q=conflict', 404: '/no-such-page/',
  //   },
  //   exit: ['/self-help/arguments/', '/directory/'],
  // },
};

/**
 * Keyboard-only journeys, by site: each is a name and a function given a Playwright page
 * (already at the site) that must complete the task with the keyboard alone. Booking a session
 * and searching join here when those pages land, e.g.
 * `{ name: 'search', path: '/search/', run: async (page) => { ... } }`.
 */
const journeys = {
  scaffold: [],
  minimal: [],
};

/**
 * A deliberately broken site (image without alt text, unlabelled input): the accessibility
 * check must report violations on it, which shows the check can fail.
 */
const broken = { root: 'tests/sites/broken-a11y', page: '/' };

module.exports = { NOW, sites, journeys, broken };
