// The scripts' plural choice (themes/hub/static/js/plural.js) against the build's: for each
// language and count message, the data-plural-* forms the page gives and what Fluent writes for
// 0 to 102 (PLURAL_CASES, written by tests/reader_language.rs). Node's Intl.PluralRules is
// the browser's (both are ICU's CLDR data).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const { pluralText } = require('../../themes/hub/static/js/plural.js');

const cases = JSON.parse(fs.readFileSync(process.env.PLURAL_CASES, 'utf8'));

// An element as the page holds it: only its data-plural-* attributes.
function element(forms) {
  return { getAttribute: (name) => {
    const category = name.replace(/^data-plural-/, '');
    return Object.prototype.hasOwnProperty.call(forms, category) ? forms[category] : null;
  } };
}

test('every count reads as the build writes it, in English, Welsh and Arabic', () => {
  let checked = 0;
  for (const c of cases) {
    for (const [n, words] of c.expected) {
      assert.strictEqual(pluralText(element(c.forms), n, c.language), words, `${c.language} ${c.key} ${n}`);
      checked++;
    }
  }
  assert.ok(checked >= 3 * 4 * 103, `only ${checked} checks`);
  assert.deepStrictEqual(Object.keys(cases.find((c) => c.language === 'cy').forms).sort(),
    ['few', 'many', 'one', 'other', 'two', 'zero']);
});

test("Arabic's few and many are by the last two digits, as CLDR says", () => {
  const forms = cases.find((c) => c.language === 'ar' && c.key === 'sessions-count').forms;
  // 103 and 110 end in 3..10 ('few', the plural of paucity); 111 ends in 11..99 ('many').
  assert.strictEqual(pluralText(element(forms), 103, 'ar'), forms.few.replace('{count}', '103'));
  assert.strictEqual(pluralText(element(forms), 110, 'ar'), forms.few.replace('{count}', '110'));
  assert.strictEqual(pluralText(element(forms), 111, 'ar'), forms.many.replace('{count}', '111'));
  assert.strictEqual(pluralText(element(forms), 100, 'ar'), forms.other.replace('{count}', '100'));
});

test('without the category or any words the script falls back to other, then the number', () => {
  assert.strictEqual(pluralText(element({ other: '{count} sesiwn' }), 2, 'cy'), '2 sesiwn');
  assert.strictEqual(pluralText(element({}), 7, 'cy'), '7');
  assert.strictEqual(pluralText(element({ one: 'x', other: '{count} y' }), 1, 'not a tag!'), '1 y');
});
