// 'My sessions' (issue 19): a reader adds sessions of a week on any of its programme pages
// (the week, its filter and day pages, each session's page) and opens one page listing them
// (`/sessions/<week>/mine/#s=slug1,slug2`) with one calendar file for all of them.
//
// The choice lives only in the page's address, in its fragment (`#s=...`), which browsers never
// send to the server: no cookie, localStorage, sessionStorage or IndexedDB is touched, so
// nothing is left on a shared or watched phone, and the address is also the link that reopens
// the choice on another device. While a page is open the choice is also held in this script
// (memory only), and every link to a page of the same week carries it in its fragment: so it
// follows the reader whichever way they move (a tap, a new tab, a copied link), where carrying
// it only on the script's own navigation would lose it on any link opened another way. Moves
// other scripts make (a filter page's script going to another value's page) are given the
// fragment through the Navigation API where the browser has it.
//
// On the 'my sessions' page the cards of the chosen sessions are shown (the page holds every
// session of the week) and the calendar file is put together here from `events.json`, published
// beside the page: its calendar's first lines, the chosen sessions' events, its last line, each
// written by hubsite's calendar code, so events are the same as the sessions' own files (same
// UIDs and SEQUENCE: a later download replaces them in a calendar app). The file is offered
// through a Blob address made in the page; nothing is sent anywhere.
//
// Every word shown comes from the theme's templates (data attributes of [data-my-sessions]).
// Without JavaScript nothing of this shows, and the 'my sessions' page explains how to
// download each session's own calendar file instead.
(function () {
  'use strict';
  var box = document.querySelector('[data-my-sessions]');
  var mineLink = box && box.querySelector('[data-my-sessions-link]');
  if (!mineLink || !window.URL || !window.history || !window.history.replaceState) return;

  var words = box.dataset;
  // The week's pages are under its address; the 'my sessions' page is its `mine/`. Read from a
  // link the build wrote, so a site under a folder (`/familyhub/`) works as one at the root.
  var minePath = mineLink.pathname;
  var weekPath = minePath.replace(/mine\/$/, '');
  var onMinePage = box.hasAttribute('data-mine-page');
  var SLUG = /^[a-z0-9][a-z0-9-]*$/;
  var chosen = fromFragment(window.location.hash) || [];
  var count = box.querySelector('[data-my-sessions-count]');

  // The slugs a fragment names (`#s=a,b`), or null when it names none (`#about`, or nothing).
  function fromFragment(hash) {
    var match = /(?:^#|&)s=([^&]*)/.exec(hash || '');
    if (!match) return null;
    var slugs = [];
    var text;
    try {
      text = decodeURIComponent(match[1]);
    } catch (error) {
      return slugs; // Not an address this script wrote: nothing chosen.
    }
    text.split(',').forEach(function (slug) {
      if (SLUG.test(slug) && slugs.indexOf(slug) === -1) slugs.push(slug);
    });
    return slugs;
  }

  function fragment() {
    return chosen.length ? '#s=' + chosen.join(',') : '';
  }

  // The slug of the session a link leads to, when it is one of this week's sessions.
  function slugOf(link) {
    if (!link || link.origin !== window.location.origin) return null;
    if (link.pathname.indexOf(weekPath) !== 0) return null;
    var rest = link.pathname.slice(weekPath.length).replace(/\/$/, '');
    return SLUG.test(rest) && rest !== 'mine' ? rest : null;
  }

  function say(template, values) {
    return (template || '').replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? values[key] : whole;
    });
  }

  // Puts the choice in this page's address (replacing the entry: adding a session is not a step
  // Back should undo) and in every link to a page of the week.
  function carry() {
    var hash = window.location.hash;
    if (fromFragment(hash) !== null || !hash || chosen.length) {
      var here = window.location.pathname + window.location.search + fragment();
      if (here !== window.location.pathname + window.location.search + hash) {
        window.history.replaceState(window.history.state, '', here);
      }
    }
    var links = document.querySelectorAll('a[href]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.origin !== window.location.origin || link.hasAttribute('download')) continue;
      if (link.pathname.indexOf(weekPath) !== 0 || !/\/$/.test(link.pathname)) continue;
      if (link.hash && fromFragment(link.hash) === null) continue; // An anchor of its own.
      // As written (root-relative), with the choice for a fragment.
      link.setAttribute('href', link.getAttribute('href').replace(/#.*$/, '') + fragment());
    }
  }

  // 'Nothing chosen' has words of its own; a count takes the language's plural form from the
  // box's data-plural-* attributes (plural.js).
  function countText() {
    var n = chosen.length;
    if (n === 0) return words.countNone || '';
    return window.hubsitePlural ? window.hubsitePlural(box, n) : String(n);
  }

  function toggle(slug) {
    var at = chosen.indexOf(slug);
    if (at === -1) chosen.push(slug);
    else chosen.splice(at, 1);
    update();
  }

  // A button that adds the session `slug` (titled `title`) or takes it out again.
  function toggleButton(slug, title) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'my-sessions-toggle';
    button.dataset.mySessionsToggle = slug;
    button.dataset.title = title;
    button.addEventListener('click', function () {
      toggle(slug);
    });
    return button;
  }

  function label(button) {
    var on = chosen.indexOf(button.dataset.mySessionsToggle) !== -1;
    button.textContent = on ? words.remove : words.add;
    button.setAttribute('aria-label', say(on ? words.removeName : words.addName, { title: button.dataset.title }));
  }

  // ---- Programme pages: a button on each card of the week (or on the session's own page).
  function setUpProgramme() {
    if (words.session) {
      var heading = document.querySelector('h1');
      box.insertBefore(toggleButton(words.session, heading ? heading.textContent : ''), box.firstChild);
    }
    var items = document.querySelectorAll('.session-item');
    for (var i = 0; i < items.length; i++) {
      var title = items[i].querySelector('.session-item__title a');
      var slug = slugOf(title);
      if (!slug) continue;
      var holder = document.createElement('p');
      holder.className = 'session-item__mine';
      holder.appendChild(toggleButton(slug, title.textContent));
      items[i].appendChild(holder);
    }
  }

  // ---- The 'my sessions' page.
  var events = null; // From events.json: { calendar_start, calendar_end, sessions: [{ slug, event }] }
  var download = null;
  var blobUrl = null;
  var cards = [];

  function setUpMinePage() {
    var items = box.querySelectorAll('.session-item');
    var known = [];
    for (var i = 0; i < items.length; i++) {
      var title = items[i].querySelector('.session-item__title a');
      var slug = slugOf(title);
      if (!slug) continue;
      known.push(slug);
      var holder = document.createElement('p');
      holder.className = 'session-item__mine';
      var button = toggleButton(slug, title.textContent);
      button.addEventListener('click', keepFocus);
      holder.appendChild(button);
      items[i].appendChild(holder);
      cards.push({ slug: slug, item: items[i], button: button });
    }
    // A session no longer in the programme (or a mistyped address) is left out.
    chosen = chosen.filter(function (slug) {
      return known.indexOf(slug) !== -1;
    });
    download = box.querySelector('[data-my-sessions-download]');
    var fallback = document.querySelector('[data-my-sessions-fallback]');
    if (fallback) fallback.hidden = true;
    var source = new URL('events.json', mineLink.href);
    source.hash = '';
    window
      .fetch(source.href, { credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        events = data;
        offerFile();
      })
      .catch(function () {
        show('[data-my-sessions-failed]', true);
      });
  }

  // After a session is taken out its card hides: focus moves to the next card's button, the
  // previous one's, or the count.
  function keepFocus(event) {
    if (event.currentTarget.offsetParent !== null) return;
    var shown = cards.filter(function (card) {
      return !card.item.hidden;
    });
    var after = shown.filter(function (card) {
      return card.item.compareDocumentPosition(event.currentTarget) & Node.DOCUMENT_POSITION_PRECEDING;
    });
    var next = after[0] || shown[shown.length - 1];
    if (next) {
      next.button.focus();
    } else {
      count.tabIndex = -1;
      count.focus();
    }
  }

  function show(selector, on) {
    var node = box.querySelector(selector);
    if (node) node.hidden = !on;
  }

  // The calendar file of the chosen sessions, in the week's order, as a Blob address.
  function offerFile() {
    if (!events || !download) return;
    var text = events.calendar_start;
    events.sessions.forEach(function (session) {
      if (chosen.indexOf(session.slug) !== -1) text += session.event;
    });
    text += events.calendar_end;
    if (blobUrl) URL.revokeObjectURL(blobUrl);
    blobUrl = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    download.href = blobUrl;
    show('[data-my-sessions-ready]', chosen.length > 0);
  }

  function updateMinePage() {
    cards.forEach(function (card) {
      card.item.hidden = chosen.indexOf(card.slug) === -1;
    });
    show('[data-my-sessions-empty]', chosen.length === 0);
    show('[data-my-sessions-chosen]', chosen.length > 0);
    mineLink.textContent = mineLink.href;
    offerFile();
  }

  function update() {
    carry();
    var buttons = document.querySelectorAll('[data-my-sessions-toggle]');
    for (var i = 0; i < buttons.length; i++) label(buttons[i]);
    if (count) count.textContent = countText();
    if (onMinePage) updateMinePage();
  }

  if (onMinePage) setUpMinePage();
  else setUpProgramme();
  box.hidden = false;
  update();

  // A reader who pastes or follows an address with another choice gets it; a jump to an anchor
  // of the page (`#about`) keeps the choice, which the links still carry.
  window.addEventListener('hashchange', function () {
    var named = fromFragment(window.location.hash);
    if (named === null || named.join(',') === chosen.join(',')) return;
    chosen = named;
    if (onMinePage) {
      chosen = chosen.filter(function (slug) {
        return cards.some(function (card) {
          return card.slug === slug;
        });
      });
    }
    update();
  });

  // Other scripts' moves to a page of the week (programme-filter.js going to another filter
  // page with `location.assign`) carry the choice too, where the browser has the Navigation API
  // (Chromium; links carry it everywhere).
  if (window.navigation && window.navigation.addEventListener) {
    window.navigation.addEventListener('navigate', function (event) {
      if (!chosen.length || !event.cancelable || typeof event.downloadRequest === 'string' || event.formData) return;
      // In-page moves (the filters' replaceState) are put right by the click handler below.
      if (event.hashChange || event.destination.sameDocument) return;
      if (event.navigationType !== 'push' && event.navigationType !== 'replace') return;
      var to = new URL(event.destination.url);
      if (to.origin !== window.location.origin || to.hash) return;
      if (to.pathname.indexOf(weekPath) !== 0 || !/\/$/.test(to.pathname)) return;
      event.preventDefault();
      window.location.assign(to.pathname + to.search + fragment());
    });
  }

  // The programme's filters rewrite the address without its fragment when they filter in place
  // (their handler runs first, on the filters' box): put the choice back.
  document.addEventListener('click', function (event) {
    if (!event.target.closest || !event.target.closest('[data-programme-filters]')) return;
    if (chosen.length && fromFragment(window.location.hash) === null) carry();
  });
})();
