// Checks of a week's programme (issue 19) as plain functions of a Playwright page: where the
// first session sits on a phone, and whether every combination of two filters shows the number
// of sessions its count promised, on the week page and on every filter page.
'use strict';

/** A phone held upright: touch only, no hover, 390x844 CSS pixels. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

/** The top of the first session card, in CSS pixels from the top of the page, and the window's height. */
async function firstCardTop(page) {
  return page.evaluate(() => {
    const card = document.querySelector('.session-item');
    return {
      top: card ? card.getBoundingClientRect().top + window.scrollY : Infinity,
      height: window.innerHeight,
    };
  });
}

/** The programme's filter links: [{ key, value, href, count, current }], in page order. */
async function filterLinks(page) {
  return page.locator('[data-filter-value]').evaluateAll((links) =>
    links.map((link) => ({
      key: link.closest('[data-filter-key]').dataset.filterKey,
      value: link.dataset.filterValue,
      href: link.getAttribute('href'),
      count: Number(/\((\d+)\)/.exec(link.querySelector('[data-filter-count]').textContent)[1]),
      current: link.getAttribute('aria-current'),
    })),
  );
}

/** The number of session cards shown, and the number the result line states. */
async function shown(page) {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('.session-item')].filter((item) => item.offsetParent !== null).length,
    stated: Number(/^(\d+) session/.exec(document.querySelector('[data-result-count]').textContent)[1]),
  }));
}

/** Clicks the filter link of `key`=`value` (opening the filters first if they are closed). */
async function choose(page, key, value) {
  await page.evaluate(() => {
    document.querySelector('[data-programme-filters]').open = true;
  });
  await page.locator(`[data-filter-key="${key}"] [data-filter-value="${value}"]`).click();
}

/**
 * On the page open in `page` (a week page or one of its filter pages, whose own value is
 * fixed): for every value of every filter other than the page's own, clicks it, checks that
 * the cards shown and the result line equal the count the link promised, and clicks it again to
 * clear it. With `first` = { key, value } chosen beforehand, every pair with it is checked.
 * Runs in the page (the script's handlers are synchronous), which keeps hundreds of
 * combinations quick. Returns the problems found, as text, and how many were checked.
 */
async function checkCombinations(page, first = null) {
  return page.evaluate((first) => {
    const link = (key, value) => document.querySelector(`[data-filter-key="${key}"] [data-filter-value="${value}"]`);
    const keyOf = (a) => a.closest('[data-filter-key]').dataset.filterKey;
    const countOf = (a) => Number(/\((\d+)\)/.exec(a.querySelector('[data-filter-count]').textContent)[1]);
    const cards = () => [...document.querySelectorAll('.session-item')].filter((item) => item.offsetParent !== null).length;
    const stated = () => Number(/^(\d+) session/.exec(document.querySelector('[data-result-count]').textContent)[1]);
    document.querySelector('[data-programme-filters]').open = true;
    if (first) link(first.key, first.value).click();
    const all = [...document.querySelectorAll('[data-filter-value]')];
    const skip = new Set(all.filter((a) => a.getAttribute('aria-current') === 'page').map(keyOf));
    if (first) skip.add(first.key);
    const problems = [];
    let checked = 0;
    for (const a of all) {
      if (skip.has(keyOf(a))) continue;
      const promised = countOf(a);
      a.click();
      checked += 1;
      if (cards() !== promised || stated() !== promised) {
        const pair = `${first ? `${first.key}=${first.value} and ` : ''}${keyOf(a)}=${a.dataset.filterValue}`;
        problems.push(`${location.pathname}: ${pair} promised ${promised}, showed ${cards()} cards, said ${stated()}`);
      }
      a.click();
    }
    if (first) link(first.key, first.value).click();
    return { problems, checked };
  }, first);
}

/**
 * On a filter page open in `page`: chooses `other` (a value of another filter), then another
 * value of the page's own filter, which leads to that value's page with `other` kept in the
 * address; that page must show the number of sessions the link promised and mark both values.
 * Returns the problems found, as text.
 */
async function checkLeaving(page, other, to) {
  await choose(page, other.key, other.value);
  const promised = (await filterLinks(page)).find((l) => l.key === to.key && l.value === to.value).count;
  await Promise.all([page.waitForNavigation(), choose(page, to.key, to.value)]);
  const got = await shown(page);
  const current = (await filterLinks(page)).filter((l) => l.current).map((l) => `${l.key}=${l.value}`);
  const problems = [];
  if (got.cards !== promised || got.stated !== promised) {
    problems.push(`${page.url()}: promised ${promised}, showed ${got.cards} cards, said ${got.stated}`);
  }
  const want = [`${other.key}=${other.value}`, `${to.key}=${to.value}`];
  if (!want.every((w) => current.includes(w))) problems.push(`${page.url()}: marked ${current}, not ${want}`);
  return problems;
}

module.exports = { PHONE, firstCardTop, filterLinks, shown, choose, checkCombinations, checkLeaving };
