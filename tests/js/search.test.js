// The search script against the build: run by tests/search_js.rs, which writes what the Rust
// side computed (SEARCH_PARITY) and builds the fixture site (SEARCH_PUBLIC). SEARCH_SCRIPT, when
// given, is the script to test instead of the theme's: the published, minified copy.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const search = require(process.env.SEARCH_SCRIPT
  ? path.resolve(process.env.SEARCH_SCRIPT)
  : '../../themes/hub/static/js/search.js');

const parity = JSON.parse(fs.readFileSync(process.env.SEARCH_PARITY, 'utf8'));
const pub = process.env.SEARCH_PUBLIC;

test('words are tokenised, trimmed, stop-worded and stemmed exactly as at build time', () => {
  let checked = 0;
  for (const c of parity.texts) {
    assert.deepStrictEqual(search.tokenize(c.text), c.tokens, `tokens of ${JSON.stringify(c.text.slice(0, 60))}`);
    const terms = c.tokens.map(search.term).filter((t) => t !== null);
    assert.deepStrictEqual(terms, c.terms, `terms of ${JSON.stringify(c.text.slice(0, 60))}`);
    checked += c.tokens.length;
  }
  assert.ok(checked > 1000, `only ${checked} words checked`);
});

test('plain text (every language but English) is split exactly as at build time', () => {
  let checked = 0;
  for (const c of parity.texts) {
    assert.deepStrictEqual(search.tokenize(c.text, 'plain'), c.plain, `plain words of ${JSON.stringify(c.text.slice(0, 60))}`);
    for (const word of c.plain) assert.strictEqual(search.term(word, 'plain'), word);
    checked += c.plain.length;
  }
  assert.ok(checked > 1000, `only ${checked} words checked`);
});

test('messages take the plural form of the page language\'s category', () => {
  const forms = (attributes) => ({ getAttribute: (name) => (name in attributes ? attributes[name] : null) });
  const welsh = forms({
    'data-plural-zero': 'z', 'data-plural-one': '{count} canlyniad', 'data-plural-two': '{count} ganlyniad',
    'data-plural-few': '{count} chanlyniad', 'data-plural-many': '{count} chanlyniad (m)', 'data-plural-other': '{count} canlyniad (o)'
  });
  const said = (n) => search.message(welsh, { count: String(n) }, 'cy', n);
  assert.deepStrictEqual([1, 2, 3, 6, 4, 20].map(said),
    ['1 canlyniad', '2 ganlyniad', '3 chanlyniad', '6 chanlyniad (m)', '4 canlyniad (o)', '20 canlyniad (o)']);
  const plain = forms({ 'data-text': 'Dim canlyniadau ar gyfer ‘{query}’ {unknown}' });
  assert.strictEqual(search.message(plain, { query: 'ŵyr' }, 'cy'), 'Dim canlyniadau ar gyfer ‘ŵyr’ {unknown}');
  // A category the page lacks falls back to 'other'.
  assert.strictEqual(search.message(forms({ 'data-plural-other': '{count} x' }), { count: '5' }, 'ar', 5), '5 x');
});

test('queries rank exactly as the Rust twin of the script', async () => {
  const read = (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(pub, p), 'utf8')));
  const manifest = await read('search/manifest.json');
  for (const q of parity.queries) {
    const index = new search.Index(manifest, read);
    const found = await index.search(q.query, q.typing);
    assert.deepStrictEqual(found.hits.map((h) => h.doc), q.docs, `order for ${q.query}`);
    found.hits.forEach((h, i) => {
      assert.ok(Math.abs(h.score - q.scores[i]) <= 1e-9 * q.scores[i], `score of ${h.doc} for ${q.query}`);
    });
  }
});

test('the manifest\'s front-coded first terms read back as the build wrote them', () => {
  assert.ok(parity.front.terms.length > 5);
  assert.deepStrictEqual(search.firstTerms(parity.front.text), parity.front.terms);
  assert.deepStrictEqual(search.firstTerms(''), []);
});

test('kinds come from the manifest ranges', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(pub, 'search/manifest.json'), 'utf8'));
  const index = new search.Index(manifest, () => Promise.reject(new Error('no fetch')));
  for (const [kind, first, end] of manifest.kinds) {
    assert.strictEqual(index.kindOf(first), kind);
    assert.strictEqual(index.kindOf(end - 1), kind);
  }
});
