// Search ranking held to elasticlunr.js itself: run by tests/search_elasticlunr.rs, which writes
// each site's documents (fields already split by hubsite's tokeniser), its published search
// files and what the Rust twin of the script found (ELASTICLUNR_CASES). Here the npm
// `elasticlunr` package indexes the same documents and runs the same queries; the Rust twin
// and themes/hub/static/js/search.js must find the same documents in the same order with the
// same scores, to the rounding of the published integer weights.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const elasticlunr = require('../browser/node_modules/elasticlunr');
const search = require('../../themes/hub/static/js/search.js');

const cases = JSON.parse(fs.readFileSync(process.env.ELASTICLUNR_CASES, 'utf8'));
const FIELDS = cases.fields;
// hubsite's rules for the word being typed (src/output/search/query.rs, search.js).
const MIN_PREFIX = 2;
const MAX_PREFIX_SHARDS = 3;

function readJson(pub) {
  return (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(pub, p), 'utf8')));
}

// elasticlunr.js's own index of a site's documents: document i has the ref "i".
function reference(site) {
  const idx = elasticlunr(function () {
    this.setRef('id');
    FIELDS.forEach((f) => this.addField(f.name));
    this.saveDocument(false);
  });
  site.documents.forEach((fields, i) => {
    const doc = { id: String(i) };
    FIELDS.forEach((f, j) => { doc[f.name] = fields[j]; });
    idx.addDoc(doc);
  });
  return idx;
}

const sites = cases.sites.map((site) => {
  const manifest = JSON.parse(fs.readFileSync(path.join(site.public, 'search/manifest.json'), 'utf8'));
  return { ...site, idx: reference(site), manifest, shards: new search.Index(manifest, readJson(site.public)) };
});

// elasticlunr.js's search: an OR query over every field with hubsite's boosts. `words` are the
// query as hubsite's tokeniser split it. When `typing`, the reference expands only the last
// word that is not a stop word, as hubsite does: by its stemmed and its typed form (each at least MIN_PREFIX letters,
// and only if its terms lie in at most MAX_PREFIX_SHARDS shards); `expandAll` instead lets
// elasticlunr.js expand every word its own way.
function referenceSearch(site, words, typing, expandAll) {
  const idx = site.idx;
  const terms = idx.pipeline.run(words.slice());
  // The last word that is not a stop word, as typed and as a term.
  const lastWord = words.filter((w) => idx.pipeline.run([w]).length).pop() || '';
  const lastTerm = idx.pipeline.run([lastWord])[0];
  const saved = FIELDS.map((f) => idx.index[f.name].expandToken);
  let expanded = 0;
  FIELDS.forEach((f, n) => {
    const inverted = idx.index[f.name];
    const own = saved[n].bind(inverted);
    inverted.expandToken = (token, memo, root) => {
      // elasticlunr.js recurses through this method down its trie.
      if (memo !== undefined) return own(token, memo, root);
      let keys;
      if (expandAll) {
        keys = own(token);
      } else if (token !== lastTerm) {
        keys = [token];
      } else {
        const set = new Set([token]);
        for (const prefix of [lastTerm, lastWord]) {
          if (Array.from(prefix).length < MIN_PREFIX) continue;
          const first = site.shards.shardOf(prefix);
          const last = site.shards.shardOf(prefix + '\u{10FFFF}');
          if (last - first >= MAX_PREFIX_SHARDS) continue;
          own(prefix).forEach((k) => set.add(k));
        }
        keys = [...set];
      }
      expanded = Math.max(expanded, keys.filter((k) => k !== token).length);
      return keys;
    };
  });
  const fields = {};
  FIELDS.forEach((f) => { fields[f.name] = { boost: f.boost, bool: 'OR', expand: typing }; });
  try {
    const hits = idx.search(words.join(' '), { fields }).map((r) => ({ doc: Number(r.ref), score: r.score }));
    // Expanded keys weigh 0.15 or less (elasticlunr.js's penalty), so their rounding does too.
    return { hits, keys: Math.max(terms.length, 1) + 0.15 * expanded * Math.max(terms.length, 1) };
  } finally {
    FIELDS.forEach((f, n) => { idx.index[f.name].expandToken = saved[n]; });
  }
}

// The published weights are round(tf / sqrt(length) * scale): each is off by at most half a
// unit, so a score may differ from elasticlunr.js's by that much times the idf, boost and
// penalty of every key it sums.
function tolerance(site, keys) {
  const idf = 1 + Math.log(site.manifest.docs);
  const boosts = FIELDS.reduce((sum, f) => sum + f.boost, 0);
  return 0.5 / site.manifest.scale * idf * boosts * Math.max(1, keys) + 1e-9;
}

function assertSameRanking(site, label, hits, reference) {
  const expected = reference.hits;
  const tol = tolerance(site, reference.keys);
  const where = `${site.name}: ${label}`;
  const want = new Map(expected.map((h) => [h.doc, h.score]));
  assert.deepStrictEqual(hits.map((h) => h.doc).sort((a, b) => a - b), expected.map((h) => h.doc).sort((a, b) => a - b),
    `${where}: the documents found`);
  hits.forEach((h) => {
    assert.ok(Math.abs(h.score - want.get(h.doc)) <= tol,
      `${where}: document ${h.doc} scored ${h.score}, elasticlunr.js ${want.get(h.doc)} (tolerance ${tol})`);
  });
  // In elasticlunr.js's order, except where two scores are within rounding of each other.
  for (let i = 1; i < hits.length; i++) {
    const [a, b] = [want.get(hits[i - 1].doc), want.get(hits[i].doc)];
    assert.ok(a >= b - 2 * tol, `${where}: ${hits[i - 1].doc} before ${hits[i].doc}, but elasticlunr.js ranks it lower`);
  }
}

test('elasticlunr.js turns every word of every document into the term the script does', () => {
  let words = 0;
  for (const site of sites) {
    const seen = new Set();
    for (const fields of site.documents) {
      for (const text of fields) {
        for (const word of text.split(' ')) {
          if (!word || seen.has(word)) continue;
          seen.add(word);
          const theirs = site.idx.pipeline.run([word])[0];
          assert.strictEqual(search.term(word) ?? undefined, theirs, `${site.name}: ${word}`);
        }
      }
    }
    words += seen.size;
  }
  assert.ok(words > 2000, `only ${words} words checked`);
});

test('the Rust twin ranks as elasticlunr.js', () => {
  let found = 0;
  for (const site of sites) {
    for (const q of site.queries) {
      const expected = referenceSearch(site, q.words, q.typing, false);
      const hits = q.docs.map((doc, i) => ({ doc, score: q.scores[i] }));
      assertSameRanking(site, `${q.query}${q.typing ? ' (typing)' : ''}`, hits, expected);
      found += hits.length;
    }
  }
  assert.ok(found > 100, `only ${found} results compared`);
});

test('search.js ranks as elasticlunr.js', async () => {
  for (const site of sites) {
    for (const q of site.queries) {
      const expected = referenceSearch(site, q.words, q.typing, false);
      const index = new search.Index(site.manifest, readJson(site.public));
      const result = await index.search(q.query, q.typing);
      assertSameRanking(site, `${q.query}${q.typing ? ' (typing)' : ''} in search.js`, result.hits, expected);
    }
  }
});

test('typing: one word of two letters or more matches as elasticlunr.js expands it; one letter exactly', () => {
  let compared = 0;
  for (const site of sites) {
    for (const q of site.queries.filter((q) => q.typing && q.words.length === 1)) {
      const word = q.words[0];
      const term = site.idx.pipeline.run([word])[0];
      const hits = q.docs.map((doc, i) => ({ doc, score: q.scores[i] }));
      if (Array.from(word).length < MIN_PREFIX) {
        assertSameRanking(site, `${q.query} (typing, one letter)`, hits, referenceSearch(site, q.words, false, false));
      } else if (term !== undefined && word.startsWith(term)) {
        // The typed form adds no terms the stem does not begin, so hubsite's expansion is
        // exactly elasticlunr.js's own (shards permitting: the fixtures' are few).
        assertSameRanking(site, `${q.query} (typing)`, hits, referenceSearch(site, q.words, true, true));
        compared += 1;
      }
    }
  }
  assert.ok(compared >= 6, `only ${compared} one-word queries compared`);
});
