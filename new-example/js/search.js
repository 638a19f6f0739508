// Site search, written for hubsite: no library, no storage, no request but same-origin GETs
// for the index files in the site's search/ folder. It processes a query exactly as the build
// processed the pages (src/output/search/text.rs; the manifest's `text` says how: 'english',
// our tokeniser then elasticlunr-rs's trimmer, stop words and Porter stemmer; 'plain', for
// every other language, words of Unicode letters, marks and digits, nothing dropped or
// stemmed), fetches only the shards holding its words, scores like elasticlunr.js, and shows
// results with their matches highlighted and a filter by kind. Every word it shows comes from
// the page, in the page's language. Without JavaScript the page explains itself and links to
// ways of browsing.
(function () {
  'use strict';

  // ---- Text processing: keep in step with src/output/search/text.rs ----

  var STOP = {};
  ('a able about across after all almost also am among an and any are as at be because been ' +
    'but by can cannot could dear did do does either else ever every for from get got had has ' +
    'have he her hers him his how however i if in into is it its just least let like likely may ' +
    'me might most must my neither no nor not of off often on only or other our own rather said ' +
    'say says she should since so some than that the their them then there these they this tis ' +
    'to too twas us wants was we were what when where which while who whom why will with would ' +
    'yet you your').split(' ').forEach(function (w) { STOP[w] = true; });
  STOP[''] = true;

  function isApostrophe(code) {
    return code === 0x27 || code === 0x2018 || code === 0x2019 || code === 0x2bc;
  }

  function isSeparator(code) {
    if (code < 0x80) {
      return !((code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code === 95);
    }
    return code <= 0xbf || code === 0xd7 || code === 0xf7 ||
      (code >= 0x2000 && code <= 0x206f) || code === 0x3000 || code === 0xfeff;
  }

  // Plain text's words: runs of letters, marks, digits and connectors (Rust's is_word_char).
  var WORD_CHAR = /^[\p{L}\p{M}\p{N}\p{Pc}]/u;

  // Whether a character (already lowercased; its first code point counts) ends a word, for
  // the index's analysis.
  function separates(ch, analysis) {
    return analysis === 'plain' ? !WORD_CHAR.test(ch) : isSeparator(ch.codePointAt(0));
  }

  // Lowercase words, apostrophes dropped, split on separators (`text`: the manifest's
  // analysis, English when not given).
  function tokenize(text, analysis) {
    var tokens = [];
    var current = '';
    for (var ch of text.toLowerCase()) {
      var code = ch.codePointAt(0);
      if (isApostrophe(code)) continue;
      if (separates(ch, analysis)) {
        if (current) tokens.push(current);
        current = '';
      } else {
        current += ch;
      }
    }
    if (current) tokens.push(current);
    return tokens;
  }

  // elasticlunr-rs's English trimmer: strip anything but [0-9A-Za-z_] from both ends.
  function trim(token) {
    return token.replace(/^[^0-9A-Za-z_]+|[^0-9A-Za-z_]+$/gu, '');
  }

  // elasticlunr-rs's Porter stemmer, which works on the UTF-8 bytes of a word.
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();

  function stem(word) {
    var b = encoder.encode(word);
    if (b.length <= 2) return word;
    for (var n = 0; n < b.length; n++) if (b[n] >= 65 && b[n] <= 90) b[n] += 32;
    var k = b.length;
    var j = 0;

    function cons(i) {
      var c = b[i];
      if (c === 97 || c === 101 || c === 105 || c === 111 || c === 117) return false;
      if (c === 121) return i === 0 ? true : !cons(i - 1);
      return true;
    }
    function measure() {
      var n = 0;
      var i = 0;
      for (;;) {
        if (i >= j) return n;
        if (!cons(i)) break;
        i++;
      }
      i++;
      for (;;) {
        for (;;) {
          if (i >= j) return n;
          if (cons(i)) break;
          i++;
        }
        i++;
        n++;
        for (;;) {
          if (i >= j) return n;
          if (!cons(i)) break;
          i++;
        }
        i++;
      }
    }
    function hasVowel() {
      for (var i = 0; i < j; i++) if (!cons(i)) return true;
      return false;
    }
    function doubleC(i) {
      return i >= 1 && b[i] === b[i - 1] && b[i] < 128 && cons(i);
    }
    function cvc(i) {
      if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) return false;
      return !(b[i] === 119 || b[i] === 120 || b[i] === 121);
    }
    function ends(s) {
      var len = s.length;
      if (len > k) return false;
      for (var i = 0; i < len; i++) if (b[k - len + i] !== s.charCodeAt(i)) return false;
      j = k - len;
      return true;
    }
    function setTo(s) {
      for (var i = 0; i < s.length; i++) b[j + i] = s.charCodeAt(i);
      k = j + s.length;
    }
    function r(s) {
      if (measure() > 0) setTo(s);
    }
    function at(i) { return String.fromCharCode(b[i]); }

    // Step 1ab
    if (b[k - 1] === 115) {
      if (ends('sses')) k -= 2;
      else if (ends('ies')) setTo('i');
      else if (b[k - 2] !== 115) k -= 1;
    }
    if (ends('eed')) {
      if (measure() > 0) k -= 1;
    } else if ((ends('ed') || ends('ing')) && hasVowel()) {
      k = j;
      if (ends('at')) setTo('ate');
      else if (ends('bl')) setTo('ble');
      else if (ends('iz')) setTo('ize');
      else if (doubleC(k - 1)) {
        k -= 1;
        var c = b[k - 1];
        if (c === 108 || c === 115 || c === 122) k += 1;
      } else if (measure() === 1 && cvc(k - 1)) setTo('e');
    }
    // Step 1c
    if (k > 2 && ends('y') && 'aeiou'.indexOf(at(k - 2)) < 0) b[k - 1] = 105;
    // Step 2
    var STEP2 = {
      a: [['ational', 'ate'], ['tional', 'tion']],
      c: [['enci', 'ence'], ['anci', 'ance']],
      e: [['izer', 'ize']],
      l: [['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous']],
      o: [['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate']],
      s: [['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous']],
      t: [['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble']],
      g: [['logi', 'log']]
    };
    if (k >= 2) rules(STEP2[at(k - 2)]);
    // Step 3
    var STEP3 = {
      e: [['icate', 'ic'], ['ative', ''], ['alize', 'al']],
      i: [['iciti', 'ic']],
      l: [['ical', 'ic'], ['ful', '']],
      s: [['ness', '']]
    };
    rules(STEP3[at(k - 1)]);
    // Step 4
    if (k >= 2) {
      var STEP4 = {
        a: ['al'], c: ['ance', 'ence'], e: ['er'], i: ['ic'], l: ['able', 'ible'],
        n: ['ant', 'ement', 'ment', 'ent'], s: ['ism'], t: ['ate', 'iti'], u: ['ous'], v: ['ive'], z: ['ize']
      };
      var matched = false;
      if (at(k - 2) === 'o') {
        matched = (ends('ion') && j > 0 && (b[j - 1] === 115 || b[j - 1] === 116)) || ends('ou');
      } else {
        matched = (STEP4[at(k - 2)] || []).some(function (s) { return ends(s); });
      }
      if (matched && measure() > 1) k = j;
    }
    // Step 5
    j = k;
    if (b[k - 1] === 101) {
      var a = measure();
      if (a > 1 || (a === 1 && !cvc(k - 2))) k -= 1;
    }
    if (b[k - 1] === 108 && doubleC(k - 1) && measure() > 1) k -= 1;
    return decoder.decode(b.subarray(0, k));

    // The first rule whose suffix matches is applied (if the measure allows) and ends the step.
    function rules(list) {
      if (!list) return;
      for (var i = 0; i < list.length; i++) {
        if (ends(list[i][0])) {
          r(list[i][1]);
          return;
        }
      }
    }
  }

  // A word as the index holds it, or null for a stop word. Plain text keeps every word whole.
  function term(raw, analysis) {
    if (analysis === 'plain') return raw;
    var t = trim(raw);
    if (STOP[t]) return null;
    return stem(t);
  }

  // The words of a query: [{term, raw}], stop words dropped.
  function queryWords(query, analysis) {
    return tokenize(query, analysis).map(function (raw) {
      return { term: term(raw, analysis), raw: raw };
    }).filter(function (w) { return w.term !== null; });
  }

  // ---- The sharded index: see src/output/search/layout.rs and query.rs ----

  var MIN_PREFIX = 2;
  var MAX_PREFIX_SHARDS = 3;

  // Compares strings by code point, as Rust orders the terms.
  function cmp(a, b) {
    var ia = a[Symbol.iterator]();
    var ib = b[Symbol.iterator]();
    for (;;) {
      var x = ia.next();
      var y = ib.next();
      if (x.done || y.done) return x.done ? (y.done ? 0 : -1) : 1;
      var d = x.value.codePointAt(0) - y.value.codePointAt(0);
      if (d) return d;
    }
  }

  function length(s) { return Array.from(s).length; }

  // The manifest's first terms of the shards, front coded (layout.rs, `front_coded`): each
  // entry is how many characters it shares with the one before (one digit), then the rest.
  function firstTerms(text) {
    var terms = [];
    if (typeof text !== 'string') return text || terms;
    if (!text) return terms;
    text.split(' ').forEach(function (entry) {
      var previous = terms.length ? Array.from(terms[terms.length - 1]) : [];
      terms.push(previous.slice(0, Number(entry[0])).join('') + entry.slice(1));
    });
    return terms;
  }

  // An index over `fetchJson(path)`, which returns a promise of parsed JSON.
  function Index(manifest, fetchJson) {
    this.m = Object.assign({}, manifest, { shards: firstTerms(manifest.shards) });
    this.fetchJson = fetchJson;
    this.shards = {};
  }

  Index.prototype.shardOf = function (t) {
    var list = this.m.shards;
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (cmp(list[mid], t) <= 0) lo = mid + 1; else hi = mid;
    }
    return Math.max(lo - 1, 0);
  };

  Index.prototype.load = function (n) {
    var self = this;
    if (!this.shards[n]) {
      this.shards[n] = this.fetchJson('search/t/' + n + '.json').then(decodeShard, function () { return {}; });
    }
    return this.shards[n].then(function (shard) { self.shards[n].value = shard; return shard; });
  };

  // Undoes the delta encoding: term -> per field [[doc, weight], ...].
  function decodeShard(raw) {
    var out = {};
    Object.keys(raw).forEach(function (t) {
      out[t] = raw[t].map(function (flat) {
        var list = [];
        var doc = 0;
        for (var i = 0; i < flat.length; i += 2) {
          doc += flat[i];
          list.push([doc, flat[i + 1]]);
        }
        return list;
      });
    });
    return out;
  }

  // The keys a word matches: itself, and when typing the terms it begins (if cheap enough).
  Index.prototype.keys = function (word, typing) {
    var self = this;
    if (!this.m.shards.length) return Promise.resolve([]);
    var loads = [this.load(this.shardOf(word.term))];
    var ranges = [];
    if (typing) {
      [word.term, word.raw].forEach(function (prefix) {
        if (length(prefix) < MIN_PREFIX) return;
        var first = self.shardOf(prefix);
        var last = self.shardOf(prefix + '\u{10FFFF}');
        if (last - first >= MAX_PREFIX_SHARDS) return;
        ranges.push([prefix, first, last]);
        for (var s = first; s <= last; s++) loads.push(self.load(s));
      });
    }
    return Promise.all(loads).then(function () {
      var keys = [word.term];
      ranges.forEach(function (range) {
        for (var s = range[1]; s <= range[2]; s++) {
          Object.keys(self.shards[s].value).forEach(function (t) {
            if (t.startsWith(range[0])) keys.push(t);
          });
        }
      });
      keys.sort(cmp);
      return keys.filter(function (t, i) { return i === 0 || t !== keys[i - 1]; });
    });
  };

  Index.prototype.postings = function (t, field) {
    var shard = this.shards[this.shardOf(t)];
    var lists = shard && shard.value && Object.prototype.hasOwnProperty.call(shard.value, t) ? shard.value[t] : null;
    var list = lists && lists[field];
    return list && list.length ? list : null;
  };

  // Resolves to [{doc, score}], best first: elasticlunr.js's OR search with field boosts.
  Index.prototype.search = function (query, typing) {
    var self = this;
    var words = queryWords(query, this.m.text);
    if (!words.length) return Promise.resolve({ hits: [], keys: [] });
    return Promise.all(words.map(function (w, i) {
      return self.keys(w, typing && i === words.length - 1);
    })).then(function (keys) {
      var totals = new Map();
      self.m.boosts.forEach(function (boost, field) {
        self.fieldScores(words, keys, field).forEach(function (score, doc) {
          totals.set(doc, (totals.get(doc) || 0) + score * boost);
        });
      });
      var hits = [];
      totals.forEach(function (score, doc) { hits.push({ doc: doc, score: score }); });
      hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      var all = [];
      keys.forEach(function (k) { all = all.concat(k); });
      return { hits: hits, keys: all };
    });
  };

  Index.prototype.fieldScores = function (words, keys, field) {
    var scores = new Map();
    var matched = new Map();
    var n = this.m.docs;
    for (var w = 0; w < words.length; w++) {
      for (var i = 0; i < keys[w].length; i++) {
        var key = keys[w][i];
        var list = this.postings(key, field);
        if (!list) continue;
        var idf = 1 + Math.log(n / (list.length + 1));
        var penalty = key === words[w].term ? 1 : (1 - (length(key) - length(words[w].term)) / length(key)) * 0.15;
        for (var p = 0; p < list.length; p++) {
          var doc = list[p][0];
          scores.set(doc, (scores.get(doc) || 0) + list[p][1] / this.m.scale * idf * penalty);
          // As elasticlunr.js's coordNorm: only the word's own term counts as the word found.
          if (key === words[w].term) matched.set(doc, (matched.get(doc) || 0) + 1);
        }
      }
    }
    // A document found only through expanded terms keeps its score, as in elasticlunr.js.
    scores.forEach(function (score, doc) {
      if (matched.has(doc)) scores.set(doc, score * matched.get(doc) / words.length);
    });
    return scores;
  };

  Index.prototype.kindOf = function (doc) {
    var kinds = this.m.kinds;
    for (var i = 0; i < kinds.length; i++) if (doc >= kinds[i][1] && doc < kinds[i][2]) return kinds[i][0];
    return '';
  };

  // The record of document `doc`: record files hold `m.per` records each, in document order.
  Index.prototype.recordFile = function (doc) {
    return { file: Math.floor(doc / this.m.per), at: doc % this.m.per };
  };

  // A message from the page in its language: `forms` is the element carrying it, with one
  // data-plural-<category> form per CLDR plural category when it depends on a number `n` (as
  // the other scripts' messages), else `data-text`; {name} placeholders are filled from
  // `values`.
  function message(forms, values, lang, n) {
    if (!forms) return '';
    var text = forms.getAttribute('data-text');
    if (typeof n === 'number') {
      var category = 'other';
      try { category = new Intl.PluralRules(lang).select(n); } catch (e) { category = 'other'; }
      text = forms.getAttribute('data-plural-' + category) || forms.getAttribute('data-plural-other');
    }
    return (text || '').replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? String(values[name]) : whole;
    });
  }

  var api = { tokenize: tokenize, trim: trim, stem: stem, term: term, queryWords: queryWords, Index: Index, cmp: cmp, message: message, firstTerms: firstTerms };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document === 'undefined') return;

  // ---- The page ----

  var PAGE = 10;
  // Each kind's name, in the page's language, from the filter's labels.
  var LABELS = {};
  Array.prototype.forEach.call(document.querySelectorAll('[data-search-kind-label]'), function (label) {
    LABELS[label.getAttribute('data-search-kind-label')] = label.textContent;
  });

  var form = document.querySelector('[data-search-form]');
  var input = document.querySelector('[data-search-input]');
  var status = document.querySelector('[data-search-status]');
  var results = document.querySelector('[data-search-results]');
  var more = document.querySelector('[data-search-more]');
  var kindsBox = document.querySelector('[data-search-kinds]');
  if (!form || !input || !status || !results || !more) return;
  // Where this language's index is: the form sends to <root>search/, root with the site's
  // folder if it is hosted under one (/familyhub/) and the language's (/cy/) for a
  // translation. The script's own address would not do: one copy serves every language.
  var script = document.currentScript;
  var root = new URL('..', form.action || (script && script.src) || location.href).pathname;
  var files = {};
  var state = { hits: [], keys: [], shown: 0, query: '', run: 0, text: 'english' };
  var lang = document.documentElement.lang || undefined;
  var count = (typeof Intl === 'object' && Intl.NumberFormat) ? new Intl.NumberFormat(lang) : null;
  // The page's words for each thing this script says.
  function say(name, values, n) {
    return message(document.querySelector('[data-search-message="' + name + '"]'), values || {}, lang, n);
  }
  var timer = null;
  var indexPromise = null;

  var nojs = document.querySelector('[data-search-nojs]');
  if (nojs) nojs.hidden = true;
  if (kindsBox) kindsBox.hidden = false;

  function fetchJson(path) {
    return fetch(root + path, { credentials: 'same-origin' }).then(function (res) {
      if (!res.ok) throw new Error(res.status);
      return res.json();
    });
  }

  function index() {
    if (!indexPromise) {
      indexPromise = fetchJson('search/manifest.json').then(function (m) { return new Index(m, fetchJson); });
    }
    return indexPromise;
  }

  // A document's record, from its record file (fetched once for all the records it holds).
  function record(ix, doc) {
    var place = ix.recordFile(doc);
    if (!files[place.file]) files[place.file] = fetchJson('search/d/' + place.file + '.json');
    return files[place.file].then(function (list) { return list[place.at] || null; });
  }

  function kind() {
    var checked = kindsBox && kindsBox.querySelector('input:checked');
    return checked ? checked.value : '';
  }

  function filtered(ix) {
    var k = kind();
    return k ? state.hits.filter(function (h) { return ix.kindOf(h.doc) === k; }) : state.hits;
  }

  function run(typing) {
    var query = input.value;
    var id = ++state.run;
    if (!query.trim()) {
      state.hits = [];
      results.textContent = '';
      more.hidden = true;
      status.textContent = '';
      return;
    }
    index().then(function (ix) {
      return ix.search(query, typing && !/\s$/.test(query)).then(function (found) {
        if (id !== state.run) return;
        state.hits = found.hits;
        state.keys = found.keys;
        state.text = ix.m.text;
        state.query = query.trim();
        show(ix);
      });
    }).catch(function () {
      if (id === state.run) status.textContent = say('failed');
    });
  }

  // Shows the first page of (filtered) hits, then announces the count.
  function show(ix) {
    results.textContent = '';
    state.shown = 0;
    var hits = filtered(ix);
    var id = state.run;
    showMore(ix, hits, false).then(function () {
      if (id !== state.run) return;
      var k = kind();
      var values = { query: state.query, kind: k ? LABELS[k].toLowerCase() : '' };
      values.count = count ? count.format(hits.length) : String(hits.length);
      status.textContent = hits.length
        ? say(k ? 'count-kind' : 'count', values, hits.length)
        : say(k ? 'none-kind' : 'none', values);
    });
  }

  function showMore(ix, hits, focusFirst) {
    var batch = hits.slice(state.shown, state.shown + PAGE);
    var id = state.run;
    return Promise.all(batch.map(function (h) { return record(ix, h.doc).catch(function () { return null; }); }))
      .then(function (found) {
        if (id !== state.run) return;
        var first = null;
        found.forEach(function (rec) {
          if (!rec) return;
          var item = resultItem(rec);
          results.appendChild(item);
          if (!first) first = item.querySelector('a');
        });
        state.shown += batch.length;
        more.hidden = state.shown >= hits.length;
        if (focusFirst && first) first.focus();
      });
  }

  function el(tag, className, parent) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (parent) parent.appendChild(node);
    return node;
  }

  function resultItem(rec) {
    var li = el('li', 'search-result');
    var title = el('a', 'search-result__title', li);
    title.href = rec.u;
    highlight(title, rec.t);
    var meta = el('p', 'search-result__meta', li);
    var label = LABELS[rec.k] || '';
    meta.textContent = rec.c && rec.c.toLowerCase() !== label.toLowerCase()
      ? say('kind-in-section', { kind: label, section: rec.c })
      : label;
    if (rec.s) highlight(el('p', 'search-result__summary', li), rec.s);
    if (rec.f && rec.f.length) {
      var facts = el('ul', 'search-result__facts', li);
      rec.f.forEach(function (f) { highlight(el('li', '', facts), f); });
    }
    if (rec.b) bookingState(el('p', 'search-result__state', li), rec.b);
    return li;
  }

  // A session's booking tags, one per phase as on its pages; phases.js (loaded by the search
  // page) shows the one true now, or the build's if it is not there.
  function bookingState(node, b) {
    var group = el('span', 'phases', node);
    group.setAttribute('data-phases', '');
    ['status', 'opens', 'closes', 'start', 'end'].forEach(function (k) { group.dataset[k] = b[k]; });
    b.tags.forEach(function (tag, i) {
      var strong = el('strong', 'tag tag--' + tag.tone, group);
      strong.dataset.phase = tag.phase;
      strong.textContent = tag.text;
      strong.hidden = i > 0;
    });
    if (window.hubsitePhases) window.hubsitePhases.update(node);
  }

  // Appends `text` to `node`, marking the words whose term the query matched. Only text
  // nodes are made from the record's text: never HTML.
  function highlight(node, text) {
    var keys = {};
    state.keys.forEach(function (k) { keys[k] = true; });
    var word = '';
    var plain = '';
    function flush() {
      if (!word) return;
      var t = term(tokenize(word, state.text).join(''), state.text);
      if (t && keys[t]) {
        if (plain) node.appendChild(document.createTextNode(plain));
        plain = '';
        el('mark', '', node).textContent = word;
      } else {
        plain += word;
      }
      word = '';
    }
    for (var ch of text) {
      var lower = ch.toLowerCase();
      var code = lower.codePointAt(0);
      if (!isApostrophe(code) && separates(lower, state.text)) {
        flush();
        plain += ch;
      } else {
        word += ch;
      }
    }
    flush();
    if (plain) node.appendChild(document.createTextNode(plain));
  }

  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 150);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    run(false);
  });
  if (kindsBox) {
    kindsBox.addEventListener('change', function () {
      if (state.query) index().then(show);
    });
  }
  more.addEventListener('click', function () {
    index().then(function (ix) { showMore(ix, filtered(ix), true); });
  });

  // A query handed over by the header's search box (in the fragment, which is never sent to
  // the server) or, from older links, in ?q=. It is taken out of the address at once, so it
  // stays neither in the address bar nor in the history.
  var handed = '';
  if (location.hash.indexOf('#q=') === 0) handed = decodeURIComponent(location.hash.slice(3).replace(/\+/g, ' '));
  var params = new URLSearchParams(location.search);
  if (!handed && params.get('q')) handed = params.get('q');
  if (location.hash || location.search) history.replaceState(null, '', location.pathname);
  if (handed) {
    input.value = handed;
    run(false);
  }
})();
