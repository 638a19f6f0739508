// hubsite in a real browser: every page kind of every site in pages.js is loaded in headless
// Chromium and checked for accessibility (axe-core, WCAG 2.2 A/AA), keyboard use, reflow,
// family safety (no request to another origin, no cookies or storage, the exit button) and
// working without JavaScript. Run by ./run, which installs what is needed.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { after, before, describe, test } = require('node:test');
const { chromium } = require('playwright-core');

const { NOW, sites, journeys, broken } = require('./pages');
const checks = require('./lib/checks');
const programme = require('./lib/programme');
const mySessions = require('./lib/my-sessions');
const { serveFolder } = require('./lib/server');
const { buildSite, scratch, writeNeutralSite } = require('./lib/sites');

const SCREENSHOTS = path.join(__dirname, 'artifacts', 'screenshots');

const state = { browser: null, work: null, servers: [], origins: {}, neutral: null };

before(async () => {
  state.work = scratch();
  const neutral = await serveFolder(writeNeutralSite(state.work));
  state.servers.push(neutral.server);
  state.neutral = `${neutral.origin}/neutral.html`;
  state.origins.neutral = neutral.origin;
  // Pages that break the rules on purpose, to show the checks can fail.
  fs.writeFileSync(
    path.join(state.work, 'neutral', 'tracking.html'),
    '<!DOCTYPE html><html lang="en"><head><title>Tracking</title></head><body><script>' +
      'document.cookie = "visitor=1"; localStorage.setItem("seen", "1"); sessionStorage.setItem("tab", "1");' +
      '</script></body></html>\n',
  );
  fs.writeFileSync(
    path.join(state.work, 'neutral', 'inline.html'),
    '<!DOCTYPE html><html lang="en"><head><title>Inline</title>' +
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'">` +
      '</head><body><p style="color: red">Inline style</p><script>document.title = "ran"</script></body></html>\n',
  );
  fs.writeFileSync(
    path.join(state.work, 'neutral', 'leaky.html'),
    '<!DOCTYPE html><html lang="en"><head><title>Leaky</title><script src="http://leak.example.com/t.js"></script></head>' +
      '<body><img alt="" src="https://images.example.net/i.png"></body></html>\n',
  );
  const all = { ...sites, 'broken-a11y': broken };
  for (const [name, site] of Object.entries(all)) {
    const output = buildSite(name, site, { work: state.work, now: NOW, exitUrl: state.neutral });
    const served = await serveFolder(output, { basePath: site.basePath });
    state.servers.push(served.server);
    state.origins[name] = served.origin;
  }
  state.browser = await checks.launchBrowser(chromium);
});

after(async () => {
  await state.browser?.close();
  for (const server of state.servers) server.close();
  if (state.work) fs.rmSync(state.work, { recursive: true, force: true });
});

/** Runs `check` on `site`'s `urlPath` in a fresh guarded context, then closes the context. */
async function withPage(site, urlPath, options, check) {
  const opened = await open(site, urlPath, options);
  try {
    await check(opened);
  } finally {
    await opened.context.close();
  }
}

/** Opens `site`'s `urlPath` in a fresh guarded context; the caller closes the context. */
async function open(site, urlPath, options = {}) {
  const { context, foreign } = await checks.guardedContext(state.browser, { now: NOW, ...options });
  const opened = await checks.openPage(context, state.origins[site] + urlPath);
  return { context, foreign, ...opened };
}

for (const [site, { pages, exit, basePath = '' }] of Object.entries(sites)) {
  for (const [kind, urlPath] of Object.entries(pages)) {
    const notFound = kind === '404';
    describe(`${site}: ${kind} (${urlPath})`, () => {
      // One page, loaded once, serves the checks that do not need a fresh load (fewer loads
      // keep the suite quick on a busy 2-core machine); the order of the tests matters.
      let opened;
      before(async () => {
        opened = await open(site, urlPath);
      });
      after(async () => {
        await opened?.context.close();
      });

      test('loads with no console error, CSP violation, request to another origin, cookie or storage', async () => {
        const { context, page, response, problems, foreign } = opened;
        assert.equal(response.status(), notFound ? 404 : 200);
        assert.deepEqual(checks.consoleErrors(problems, { expectNotFound: notFound }), []);
        assert.deepEqual(await checks.cspViolations(page), []);
        assert.deepEqual(foreign, [], 'requests that would have left 127.0.0.1');
        assert.deepEqual(await checks.storedState(context, page), { cookies: [], local: [], session: [] });
      });

      test('has no axe-core WCAG 2.2 A/AA violations', async () => {
        assert.deepEqual(await checks.axeViolations(opened.page), []);
      });

      test('keyboard: first Tab is the skip link, Enter moves to main, focus is visible and in page order', async () => {
        const { page } = opened;
        await page.evaluate(() => document.activeElement?.blur());
        await page.keyboard.press('Tab');
        const first = await checks.focusState(page);
        assert.equal(first.href, '#main', `first Tab focused ${JSON.stringify(first)}`);
        assert.ok(first.visible, 'the skip link shows when focused');
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
        await assertTabOrder(page);
      });

      test('needs no sideways scrolling at 320px, nor at 400% zoom of 1280px', async () => {
        await opened.page.setViewportSize({ width: 320, height: 640 });
        const narrow = await checks.sidewaysOverflow(opened.page);
        assert.equal(narrow.overflow, 0, `scrolls sideways at 320px: ${narrow.culprit}`);
        // 400% zoom of a 1280×1024 window is a 320×256 CSS-pixel viewport drawn at 4 device
        // pixels per CSS pixel (WCAG 1.4.10 Reflow); headless Chromium has no browser zoom.
        await withPage(site, urlPath, { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 }, async ({ page }) => {
          const { overflow, culprit } = await checks.sidewaysOverflow(page);
          assert.equal(overflow, 0, `scrolls sideways at 400% zoom: ${culprit}`);
        });
      });

      test('screenshots at phone and desktop widths', async () => {
        for (const [name, width] of Object.entries(checks.WIDTHS)) {
          await opened.page.setViewportSize({ width, height: 800 });
          const file = path.join(SCREENSHOTS, site, `${kind.replace(/\W+/g, '-')}-${name}.png`);
          fs.mkdirSync(path.dirname(file), { recursive: true });
          await opened.page.screenshot({ path: file, fullPage: true });
        }
      });

      test('renders and navigates with JavaScript disabled', async () => {
        await withPage(site, urlPath, { javaScriptEnabled: false }, async ({ context, page }) => {
          assert.ok(await page.locator('main h1').first().isVisible(), 'a main heading');
          await assertLinksWork(context, page, state.origins[site]);
          // The site's name leads to the home page of the page's language (`/cy/` in Welsh).
          const lang = await page.locator('html').getAttribute('lang');
          const home = urlPath.startsWith(`${basePath}/${lang}/`) ? `${basePath}/${lang}/` : `${basePath}/`;
          await Promise.all([page.waitForNavigation(), page.locator('.site-header__name').click()]);
          assert.equal(new URL(page.url()).pathname, home);
          assert.ok(await page.locator('main h1').first().isVisible(), 'the home page after following a link');
        });
      });
    });
  }

  for (const exitPath of exit) {
    describe(`${site}: exit this page (${exitPath})`, () => {
      test('the button leaves for the neutral site and Back does not return', async () => {
        await assertExit(site, exitPath, (page) => page.locator('[data-exit-this-page]').click());
      });
      test('pressing Shift three times does the same', async () => {
        await assertExit(site, exitPath, async (page) => {
          for (let i = 0; i < 3; i += 1) await page.keyboard.press('Shift');
        });
      });
      test('without JavaScript the button is a plain link to the neutral site', async () => {
        await withPage(site, exitPath, { javaScriptEnabled: false }, async ({ page }) => {
          await Promise.all([page.waitForURL(state.neutral), page.locator('[data-exit-this-page]').click()]);
        });
      });
      test('on a phone the button stays in view after scrolling, big enough for a thumb, no Shift hint', async () => {
        await withPage(site, exitPath, PHONE, async ({ page }) => {
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await page.waitForFunction(() => window.scrollY > 0 || document.documentElement.scrollHeight <= window.innerHeight);
          const box = await page.locator('[data-exit-this-page]').boundingBox();
          assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.viewport.height, `button at ${JSON.stringify(box)} after scrolling`);
          assert.ok(box.height >= 44 && box.width >= 44, `target ${box.width}x${box.height}`);
          assert.equal(await page.locator('.exit-this-page__keys').isVisible(), false, 'no Shift hint on a touch-only phone');
          // Jumping to the main content leaves its heading below the bar, not under it.
          await page.evaluate(() => { window.location.hash = '#main'; });
          const bar = await page.locator('.exit-this-page').boundingBox();
          const heading = await page.locator('main h1').first().boundingBox();
          assert.ok(heading.y >= bar.y + bar.height - 1, `heading at ${heading.y} under a bar ending at ${bar.y + bar.height}`);
        });
      });
      test('exit leaves no referrer, cookie or storage behind', async () => {
        await withPage(site, exitPath, {}, async ({ context, page }) => {
          await Promise.all([page.waitForURL(state.neutral), page.locator('[data-exit-this-page]').click()]);
          assert.equal(await page.evaluate(() => document.referrer), '');
          const stored = await context.storageState();
          assert.deepEqual(stored.cookies, []);
          const ours = stored.origins.filter((o) => o.origin === state.origins[site]);
          assert.deepEqual(ours.flatMap((o) => o.localStorage), [], 'localStorage of the site');
        });
      });
      if (exitPath === exit[0]) {
        test('Shift pressed three times, three seconds apart, exits; each press is announced', async () => {
          await assertExit(site, exitPath, async (page) => {
            const status = page.locator('[data-exit-this-page-status]');
            assert.equal(await status.getAttribute('aria-live'), 'polite');
            await page.keyboard.press('Shift');
            assert.equal(await status.textContent(), 'Shift, press 2 more times');
            await page.waitForTimeout(3000);
            await page.keyboard.press('Shift');
            assert.equal(await status.textContent(), 'Shift, press 1 more time');
            await page.waitForTimeout(3000);
            await page.keyboard.press('Shift');
          });
        });
        test('typing capitals or another key between presses does not exit', async () => {
          await withPage(site, exitPath, {}, async ({ page }) => {
            const status = page.locator('[data-exit-this-page-status]');
            await page.keyboard.press('Shift');
            await page.keyboard.press('Shift');
            await page.keyboard.press('a');
            assert.equal(await status.textContent(), 'Exit this page expired');
            await page.keyboard.press('Shift');
            await page.keyboard.press('Shift+A');
            await page.keyboard.press('Shift+B');
            await page.waitForTimeout(200);
            assert.ok(page.url().startsWith(state.origins[site]), `still on the site: ${page.url()}`);
          });
        });
        test('in forced colours (Windows high contrast) the exit button keeps a visible border', async () => {
          await withPage(site, exitPath, { forcedColors: 'active' }, async ({ page }) => {
            const style = await page.locator('[data-exit-this-page]').evaluate((el) => {
              const s = getComputedStyle(el);
              return { width: s.borderTopWidth, style: s.borderTopStyle };
            });
            assert.equal(style.style, 'solid');
            assert.ok(parseFloat(style.width) >= 2, `border ${style.width}`);
          });
        });
      }
    });
  }

  for (const journey of journeys[site] || []) {
    test(`${site}: keyboard only: ${journey.name}`, async () => {
      await withPage(site, journey.path, {}, async ({ page, foreign }) => {
        await journey.run(page, { foreign, tabTo: checks.tabTo });
      });
    });
  }
}

describe('council: a site hosted under /familyhub/ (issue 16)', () => {
  test('council: the stylesheet is applied', async () => {
    await withPage('council', '/familyhub/self-help/is-it-abuse/', {}, async ({ page }) => {
      const header = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.equal(header, 'rgb(29, 63, 110)', 'the header has the theme colour from /familyhub/css/site.css');
    });
  });
  test('council: search finds a word of the site and links under the folder', async () => {
    await withPage('council', '/familyhub/search/#q=breakfast', {}, async ({ page, problems }) => {
      const first = page.locator('[data-search-results] a').first();
      await first.waitFor();
      const href = await first.getAttribute('href');
      assert.match(href, /^\/familyhub\/sessions\/spring-2027\/dads-breakfast\//);
      assert.deepEqual(checks.consoleErrors(problems, { expectNotFound: false }), []);
    });
  });
  test('council: the site name and / lead to the home page under the folder', async () => {
    await withPage('council', '/', {}, async ({ page }) => {
      assert.equal(new URL(page.url()).pathname, '/familyhub/');
      await page.goto(`${state.origins.council}/familyhub/self-help/`);
      // The link itself names the folder: the host would not redirect `/` to it.
      assert.equal(await page.locator('.site-header__name').getAttribute('href'), '/familyhub/');
      await Promise.all([page.waitForNavigation(), page.locator('.site-header__name').click()]);
      assert.equal(new URL(page.url()).pathname, '/familyhub/');
    });
  });
});

describe('the programme on a phone (issue 19)', () => {
  test('example: the first session of the 2027 week is within 1.5 screens; filters closed; the introduction after the sessions', async () => {
    await withPage('example', '/sessions/2027/', programme.PHONE, async ({ page }) => {
      const { top, height } = await programme.firstCardTop(page);
      assert.ok(top <= 1.5 * height, `first card at ${top}px on a ${height}px screen`);
      assert.equal(await page.locator('[data-programme-filters]').evaluate((el) => el.open), false, 'filters closed on a phone');
      // The introduction is there in full, reached from a link above the sessions.
      assert.match(await page.locator('#about').innerText(), /Relationships Matter week is back/);
      const about = await page.locator('main a[href="#about"]').boundingBox();
      assert.ok(about && about.y < top, 'a link to the introduction above the first session');
    });
  });
  test('example: without JavaScript the filters open from their summary and a filter page marks its value', async () => {
    await withPage('example', '/sessions/2027/format/online/', { ...programme.PHONE, javaScriptEnabled: false }, async ({ page }) => {
      const current = page.locator('[data-filter-value][aria-current="page"]');
      assert.equal(await current.count(), 1);
      assert.equal(await current.isVisible(), false, 'closed at first');
      await page.locator('.filters__summary').click();
      assert.equal(await current.isVisible(), true);
      assert.equal(await current.getAttribute('data-filter-value'), 'online');
    });
  });
  for (const [site, week] of [['example', '/sessions/2027/'], ['council', '/familyhub/sessions/spring-2027/']]) {
    test(`${site}: every combination of two filters shows the sessions its count promised, on the week page and every filter page`, async () => {
      await withPage(site, week, programme.PHONE, async ({ page }) => {
        const links = await programme.filterLinks(page);
        assert.ok(links.length > 3, `filters on ${week}`);
        const problems = [];
        let checked = 0;
        for (const first of [null, ...links]) {
          const found = await programme.checkCombinations(page, first);
          problems.push(...found.problems);
          checked += found.checked;
        }
        for (const link of links) {
          await page.goto(state.origins[site] + link.href);
          const found = await programme.checkCombinations(page);
          problems.push(...found.problems);
          checked += found.checked;
        }
        assert.deepEqual(problems, [], `${problems.length} of ${checked} combinations`);
      });
    });
  }
  test('example: a filter page reloads to the choice in its address and counts the whole week (not only its own list)', async () => {
    await withPage('example', '/sessions/2027/format/online/?audience=parents', programme.PHONE, async ({ page }) => {
      const parents = (await programme.filterLinks(page)).find((l) => l.value === 'parents');
      assert.equal(parents.current, 'true', 'the choice in the address is marked');
      const { cards, stated } = await programme.shown(page);
      assert.equal(cards, parents.count);
      assert.equal(stated, parents.count);
      const problems = await programme.checkLeaving(page, { key: 'day', value: '2027-03-26' }, { key: 'format', value: 'in-person' });
      assert.deepEqual(problems, []);
      assert.match(page.url(), /\/sessions\/2027\/format\/in-person\/\?(.*&)?audience=parents/);
    });
  });
  test('example: time of day, weekend, free and childcare combine with the others; the address keeps them (items 4 and 2)', async () => {
    await withPage('example', '/sessions/2027/time/evening/?cost=free&childcare=creche', programme.PHONE, async ({ page }) => {
      const links = await programme.filterLinks(page);
      for (const key of ['time', 'when', 'cost', 'childcare']) assert.ok(links.some((l) => l.key === key), `a ${key} filter`);
      const creche = links.find((l) => l.key === 'childcare' && l.value === 'creche');
      assert.equal(creche.current, 'true', 'the choice in the address is marked');
      let { cards, stated } = await programme.shown(page);
      assert.equal(cards, creche.count);
      assert.equal(stated, creche.count);
      assert.ok(cards >= 1, 'the free evening with a creche');
      const weekend = links.find((l) => l.key === 'when' && l.value === 'weekend');
      await programme.choose(page, 'when', 'weekend');
      ({ cards, stated } = await programme.shown(page));
      assert.equal(cards, weekend.count, 'as the weekend link promised');
      assert.equal(stated, weekend.count);
      assert.match(page.url(), /\/sessions\/2027\/time\/evening\/\?(.*&)?when=weekend/);
      // Another time of day leads to its own page, keeping the rest of the choice.
      const morning = (await programme.filterLinks(page)).find((l) => l.key === 'time' && l.value === 'morning');
      await Promise.all([page.waitForNavigation(), programme.choose(page, 'time', 'morning')]);
      ({ cards, stated } = await programme.shown(page));
      assert.equal(cards, morning.count);
      assert.equal(stated, morning.count);
      assert.match(page.url(), /\/sessions\/2027\/time\/morning\/\?(.*&)?when=weekend/);
    });
  });
});

describe('my sessions, with nothing stored (issue 19)', () => {
  // The council site is hosted under /familyhub/: every address the script makes must keep it.
  const week = '/familyhub/sessions/spring-2027/';
  const [first, second] = ['bump-and-baby-drop-in', 'dads-breakfast'];
  test('council: add two sessions on a phone, open my sessions, download one .ics equal to the per-session files', async () => {
    await withPage('council', week, { ...programme.PHONE, acceptDownloads: true }, async ({ context, page, problems, foreign }) => {
      assert.match(await mySessions.countText(page), /^No sessions/);
      await mySessions.toggle(page, first);
      assert.deepEqual(mySessions.chosenIn(page.url()), [first]);
      const added = (await mySessions.toggles(page)).find((b) => b.slug === first);
      assert.equal(added.text, 'Remove from my sessions');
      assert.match(added.name, /^Remove from my sessions: Bump and baby drop-in$/);
      assert.equal(await mySessions.countText(page), '1 session in my sessions.');
      // Filtering in place (programme-filter.js rewrites the address) keeps the choice.
      await programme.choose(page, 'format', 'in-person');
      assert.deepEqual(mySessions.chosenIn(page.url()), [first], 'the filter kept the choice');
      // Moving to another programme page (a session's) carries it; add that session there.
      await Promise.all([page.waitForURL((url) => url.pathname === `${week}${second}/`), page.locator(`.session-item__title a[href^="${week}${second}/"]`).click()]);
      assert.deepEqual(mySessions.chosenIn(page.url()), [first]);
      await mySessions.toggle(page, second);
      assert.deepEqual(mySessions.chosenIn(page.url()), [first, second]);
      assert.equal(await mySessions.countText(page), '2 sessions in my sessions.');
      await Promise.all([page.waitForURL((url) => url.pathname === `${week}mine/`), page.locator('[data-my-sessions-link]').click()]);
      assert.equal(new URL(page.url()).pathname, `${week}mine/`);
      assert.deepEqual(await mySessions.shownCards(page), [first, second]);
      assert.equal(await mySessions.countText(page), '2 sessions chosen.');
      assert.equal(await page.locator('[data-my-sessions-fallback]').isVisible(), false);
      // One calendar file, built in the page: its events are the per-session files' events.
      const folder = fs.mkdtempSync(path.join(state.work, 'my-sessions-'));
      const file = await mySessions.downloadCalendar(page, folder);
      const own = [];
      for (const slug of [first, second]) {
        own.push(await mySessions.save(context, `${state.origins.council}${week}${slug}/calendar.ics`, path.join(folder, `${slug}.ics`)));
      }
      const { mine, own: expected } = mySessions.icalendarEvents(file, own);
      assert.equal(Object.keys(mine).length, 2);
      assert.deepEqual(mine, expected);
      // The link that reopens the choice elsewhere: a fresh context (another device) shows the same.
      const share = await page.locator('[data-my-sessions-link]').getAttribute('href');
      assert.equal(share, `${week}mine/#s=${first},${second}`);
      assert.equal(await page.locator('[data-my-sessions-link]').innerText(), `${state.origins.council}${share}`);
      await withPage('council', share, programme.PHONE, async ({ page: other }) => {
        assert.deepEqual(await mySessions.shownCards(other), [first, second]);
      });
      // Taking one out updates the list, the count, the address and the file; focus stays on a button.
      await mySessions.toggle(page, first);
      assert.deepEqual(await mySessions.shownCards(page), [second]);
      assert.deepEqual(mySessions.chosenIn(page.url()), [second]);
      assert.equal(await mySessions.countText(page), '1 session chosen.');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.mySessionsToggle), second);
      assert.deepEqual(await checks.axeViolations(page), []);
      await page.setViewportSize({ width: 320, height: 640 });
      const narrow = await checks.sidewaysOverflow(page);
      assert.equal(narrow.overflow, 0, `scrolls sideways at 320px: ${narrow.culprit}`);
      assert.deepEqual(await mySessions.everythingStored(context, page), { cookies: [], local: [], session: [], indexedDB: [], cookie: '' });
      assert.deepEqual(checks.consoleErrors(problems), []);
      assert.deepEqual(foreign, []);
    });
  });
  test("council: a filter page's script, going to another value's page, keeps the choice", async () => {
    await withPage('council', `${week}format/in-person/#s=${first}`, programme.PHONE, async ({ page }) => {
      await Promise.all([
        page.waitForURL((url) => url.pathname === `${week}format/online/`),
        programme.choose(page, 'format', 'online'),
      ]);
      assert.deepEqual(mySessions.chosenIn(page.url()), [first]);
      assert.equal(await mySessions.countText(page), '1 session in my sessions.');
    });
  });
  test('council: on a phone the week and a session page are axe clean with the buttons added', async () => {
    for (const urlPath of [`${week}#s=${first}`, `${week}${second}/#s=${first}`]) {
      await withPage('council', urlPath, programme.PHONE, async ({ page }) => {
        assert.ok((await mySessions.toggles(page)).length >= 1, urlPath);
        assert.deepEqual(await checks.axeViolations(page), [], urlPath);
      });
    }
  });
  test('council: without JavaScript the my sessions page explains how to download each session instead', async () => {
    await withPage('council', `${week}mine/#s=${first},${second}`, { ...programme.PHONE, javaScriptEnabled: false }, async ({ page }) => {
      const fallback = page.locator('[data-my-sessions-fallback]');
      assert.equal(await fallback.isVisible(), true);
      assert.match(await fallback.innerText(), /Download a calendar file \(\.ics\)/);
      assert.equal(await fallback.locator(`a[href="${week}"]`).count(), 1, 'a link to the week');
      assert.equal(await page.locator('[data-mine-page]').isVisible(), false, 'no list that needs the script');
      assert.equal(await page.locator('button[type="button"]').count(), 0, 'no button that does nothing');
    });
  });
});

describe('live counts in the language of the page (issue 20)', () => {
  // The Welsh fixture's week has two sessions, one online; the Arabic site is the same built in
  // Arabic, whose dual ('two') is a word of its own. Each count the scripts write must be the
  // form the build writes for that number (data-plural-<category>, chosen by plural.js with
  // the browser's Intl.PluralRules), not the English one/many choice.
  // The Welsh site is hosted under /teuluoedd/ (its base_url), and served so.
  const week = '/teuluoedd/sessions/wythnos-teuluoedd-2024/';
  const expected = {
    cymraeg: {
      programme: { 1: '1 sesiwn', 2: '2 sesiwn' },
      mine: { 1: '1 sesiwn yn fy sesiynau.', 2: '2 sesiwn yn fy sesiynau.' },
    },
    arabic: {
      programme: { 1: 'جلسة واحدة', 2: 'جلستان' },
      mine: { 1: 'جلسة واحدة في جلساتي.', 2: 'جلستان في جلساتي.' },
    },
  };
  for (const [site, words] of Object.entries(expected)) {
    test(`${site}: the programme's count and my sessions' count read the language's form for 1 and 2`, async () => {
      await withPage(site, week, programme.PHONE, async ({ page, problems }) => {
        const count = page.locator('[data-result-count]');
        // The build's words for the whole week, then the script's as filters change.
        assert.equal(await count.innerText(), words.programme[2]);
        await programme.choose(page, 'format', 'online');
        assert.equal(await count.innerText(), words.programme[1], 'one online session');
        await programme.choose(page, 'format', 'online');
        assert.equal(await count.innerText(), words.programme[2], 'the filter cleared: the whole week again');
        const slugs = (await mySessions.toggles(page)).map((b) => b.slug);
        assert.equal(slugs.length, 2, `two sessions to add: ${slugs}`);
        await mySessions.toggle(page, slugs[0]);
        assert.equal(await mySessions.countText(page), words.mine[1]);
        await mySessions.toggle(page, slugs[1]);
        assert.equal(await mySessions.countText(page), words.mine[2]);
        assert.deepEqual(checks.consoleErrors(problems), []);
      });
    });
  }
  test('arabic: a page whose language the browser has no rules for still counts, in the other form', async () => {
    await withPage('arabic', week, programme.PHONE, async ({ page }) => {
      await page.evaluate(() => { document.documentElement.lang = 'not a tag!'; });
      await programme.choose(page, 'format', 'online');
      const other = await page.locator('[data-result-count]').getAttribute('data-plural-other');
      assert.equal(await page.locator('[data-result-count]').innerText(), other.replace('{count}', '1'));
    });
  });
});

describe('right to left (issue 20)', () => {
  // Arabic pages run right to left: `dir="rtl"` on <html>, and the layout mirrors through flex
  // layout and the CSS logical properties: each box is where the left-to-right page's mirror
  // image puts it (the site's name, at the inline start, on the right; the exit button before
  // its hint, read from the right).
  const rtl = [
    ['arabic-site', '/'],
    ['arabic-site', '/sessions/rabi/fahm-almurahiqin/'],
    ['arabic', '/teuluoedd/self-help/ai-cam-drin-yw-e/'],
  ];
  /** The horizontal middle of `selector`'s first box, as a share of the viewport's width. */
  const middle = async (page, selector) => {
    const box = await page.locator(selector).first().boundingBox();
    return (box.x + box.width / 2) / page.viewportSize().width;
  };
  for (const [site, urlPath] of rtl) {
    test(`${site}: ${urlPath} is right to left, mirrored, and axe clean on a phone`, async () => {
      await withPage(site, urlPath, PHONE, async ({ page, problems }) => {
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
        assert.ok((await middle(page, '.site-header__name')) > 0.5, 'the site name starts on the right');
        assert.deepEqual(await checks.axeViolations(page), []);
        assert.deepEqual(checks.consoleErrors(problems), []);
      });
    });
  }
  /**
   * Each of `selectors`' boxes on the right-to-left page is the mirror image of its box on the
   * same page turned left to right (same words, so the same widths), within a pixel.
   */
  const assertMirrored = async (page, selectors) => {
    const read = () => page.evaluate((list) => list.map((selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return [box.left, box.right];
    }), selectors);
    const rtlBoxes = await read();
    await page.evaluate(() => { document.documentElement.dir = 'ltr'; });
    const ltrBoxes = await read();
    await page.evaluate(() => { document.documentElement.dir = 'rtl'; });
    const width = await page.evaluate(() => document.documentElement.clientWidth);
    selectors.forEach((selector, i) => {
      const [[left, right], [ltrLeft, ltrRight]] = [rtlBoxes[i], ltrBoxes[i]];
      assert.ok(
        Math.abs(left - (width - ltrRight)) <= 1 && Math.abs(right - (width - ltrLeft)) <= 1,
        `${selector}: ${left}..${right} right to left is not the mirror of ${ltrLeft}..${ltrRight} left to right`,
      );
    });
  };
  test('arabic: at 390px the exit bar, the header and the heading mirror the left-to-right layout; the exit stays in reach and leaves', async () => {
    const exitPath = '/teuluoedd/self-help/ai-cam-drin-yw-e/';
    await withPage('arabic', exitPath, PHONE, async ({ page }) => {
      await assertMirrored(page, ['[data-exit-this-page]', '.exit-this-page__hint', '.site-header__name', '.site-search', 'main h1']);
      // Read from the right, the button comes first: it is right of its hint when they share a line.
      const button = await page.locator('[data-exit-this-page]').boundingBox();
      const hint = await page.locator('.exit-this-page__hint').boundingBox();
      if (button.y < hint.y + hint.height && hint.y < button.y + button.height) {
        assert.ok(button.x >= hint.x + hint.width - 1, `button ${JSON.stringify(button)} right of hint ${JSON.stringify(hint)}`);
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction(() => window.scrollY > 0);
      const after = await page.locator('[data-exit-this-page]').boundingBox();
      assert.ok(after.y >= 0 && after.y + after.height <= PHONE.viewport.height, `button at ${JSON.stringify(after)} after scrolling`);
    });
    await assertExit('arabic', exitPath, (page) => page.locator('[data-exit-this-page]').click());
  });
});

describe('a session page read after the session, built before it (issue 6)', () => {
  // Built at NOW (booking open); read on the afternoon the session ended, phases.js must lead
  // with the recording and follow-on materials without a rebuild.
  test('leads with the recording and follow-on materials', async () => {
    await withPage('booklet', '/sessions/spring/teenagers/', { now: '2024-03-26T12:00:00Z' }, async ({ page }) => {
      const visible = page.locator('.next-steps [data-phase]:not([hidden])');
      assert.equal(await visible.count(), 1);
      assert.equal(await visible.getAttribute('data-phase'), 'finished');
      const text = await visible.innerText();
      assert.match(text, /Watch the recording of Understanding your teenagers/);
      assert.match(text, /Talking with teenagers/);
      assert.equal(await page.locator('.next-steps [data-phase="booking"]').isVisible(), false, 'booking no longer shows');
    });
  });
});

describe('the checks can fail', () => {
  test('axe reports the broken fixture (image without alt text, unlabelled input)', async () => {
    await withPage('broken-a11y', broken.page, {}, async ({ page }) => {
      const rules = new Set((await checks.axeViolations(page)).map((line) => line.split(':')[0]));
      assert.ok(rules.has('image-alt'), `image-alt in ${[...rules]}`);
      assert.ok(rules.has('label'), `label in ${[...rules]}`);
    });
  });

  test('a page that loads from another origin is caught, and the request never leaves', async () => {
    await withPage('neutral', '/leaky.html', {}, async ({ foreign }) => {
      assert.deepEqual(foreign.sort(), ['http://leak.example.com/t.js', 'https://images.example.net/i.png']);
    });
  });

  test('cookies and storage a page sets are found', async () => {
    await withPage('neutral', '/tracking.html', {}, async ({ context, page }) => {
      assert.deepEqual(await checks.storedState(context, page), { cookies: ['visitor'], local: ['seen'], session: ['tab'] });
    });
  });

  test('inline scripts and styles that the CSP blocks are found', async () => {
    await withPage('neutral', '/inline.html', {}, async ({ page }) => {
      const violations = await checks.cspViolations(page);
      assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('; '));
      assert.ok(violations.some((v) => v.startsWith('style-src')), violations.join('; '));
      assert.equal(await page.title(), 'Inline', 'the inline script did not run');
    });
  });
});

/** Tabs through the page: every stop shows its focus, in document order, until focus leaves. */
async function assertTabOrder(page) {
  let previous = await page.evaluateHandle(() => document.activeElement);
  // More Tab presses than the page has things to focus, without leaving the page or wrapping
  // to the top, means focus is trapped (a long reference page may have hundreds of links).
  const focusable = await page.evaluate(() => document.querySelectorAll(
    'a[href], button, input, select, textarea, summary, iframe, [tabindex]:not([tabindex="-1"])').length);
  const limit = focusable + 5;
  for (let stop = 0; stop < limit; stop += 1) {
    await page.keyboard.press('Tab');
    const current = await page.evaluateHandle(() => document.activeElement);
    const done = await page.evaluate((el) => !el || el === document.body, current);
    if (done) return;
    const focus = await checks.focusState(page);
    assert.ok(focus.visible, `focus is not visible on ${JSON.stringify(focus)}`);
    const forwards = await page.evaluate(
      ([a, b]) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING),
      [previous, current],
    );
    if (!forwards) {
      // Only wrapping round to the top (the skip link) may go backwards; anything else is a
      // positive tabindex or a script moving focus out of reading order.
      assert.equal(focus.href, '#main', `Tab went backwards to ${JSON.stringify(focus)}`);
      return;
    }
    previous = current;
  }
  assert.fail(`more Tab stops than the ${focusable} things to focus: is focus trapped?`);
}

/** Every same-site link on the page leads to a page that exists. */
async function assertLinksWork(context, page, origin) {
  // Links within the page (`#main`) are left out: they do not navigate.
  const hrefs = await page.locator('a[href]:not([href^="#"])').evaluateAll((links) => links.map((a) => a.href));
  const own = [...new Set(hrefs.filter((href) => href.startsWith(origin)).map((href) => href.split('#')[0]))];
  for (const href of own) {
    const response = await context.request.get(href);
    assert.equal(response.status(), 200, `link to ${href}`);
  }
}

describe('print and forced colours of a session page', () => {
  test('printed, the booking link is dark text with its address; navigation, search and exit do not print', async () => {
    await withPage('programme', '/sessions/spring/teenagers/', {}, async ({ page }) => {
      await page.emulateMedia({ media: 'print' });
      const booking = await page.locator('main a.button').first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, after: getComputedStyle(el, '::after').content, href: el.getAttribute('href') };
      });
      assert.equal(booking.color, 'rgb(0, 0, 0)');
      assert.ok(booking.after.includes(booking.href), `printed address ${booking.after} for ${booking.href}`);
      for (const hidden of ['.site-search', '.site-nav']) {
        assert.equal(await page.locator(hidden).evaluate((el) => getComputedStyle(el).display), 'none', `${hidden} prints`);
      }
    });
  });
  test('in forced colours the booking button keeps a visible border', async () => {
    await withPage('programme', '/sessions/spring/teenagers/', { forcedColors: 'active' }, async ({ page }) => {
      const style = await page.locator('main a.button').first().evaluate((el) => getComputedStyle(el).borderTopStyle);
      assert.equal(style, 'solid');
    });
  });
});

/** A phone held upright: touch only, no hover, 390x844 CSS pixels. */
const PHONE = programme.PHONE;

/** Opens the exit page from a neutral start page, leaves with `act`, then goes Back. */
async function assertExit(site, exitPath, act) {
  const { context, foreign } = await checks.guardedContext(state.browser, { now: NOW });
  try {
    const page = await context.newPage();
    const start = `${state.neutral}?start`;
    await page.goto(start);
    await page.goto(state.origins[site] + exitPath);
    await Promise.all([page.waitForURL(state.neutral), act(page)]);
    await page.goBack();
    assert.equal(page.url(), start, 'Back went to the page before the site, not back to it');
    assert.deepEqual(foreign, []);
  } finally {
    await context.close();
  }
}
