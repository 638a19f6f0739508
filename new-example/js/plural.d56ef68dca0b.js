// A count in the page's language, for the scripts that count (the programme's and the
// directory's filters, 'my sessions'). The build writes the count message on the element once
// per plural category of the page's language, with {count} where the number goes
// (data-plural-one="{count} sesiwn", data-plural-two=..., data-plural-few=...: Welsh and Arabic
// have six); the browser's own CLDR rules choose the category for a number. Loaded before the
// scripts that use it (window.hubsitePlural); they show the bare number if it is missing.
(function (root) {
  'use strict';

  // The words for `n` from `element`'s data-plural-* attributes, by the plural rules of
  // `language` (the page's <html lang> when not given); 'other' when the rules or the
  // attribute for the number's category are missing.
  function pluralText(element, n, language) {
    var lang = language || (root.document && root.document.documentElement.lang) || undefined;
    var category = 'other';
    try {
      category = new Intl.PluralRules(lang).select(n);
    } catch (error) {
      category = 'other';
    }
    var words = element.getAttribute('data-plural-' + category);
    if (words === null) words = element.getAttribute('data-plural-other');
    return words === null ? String(n) : words.split('{count}').join(String(n));
  }

  root.hubsitePlural = pluralText;
  if (typeof module !== 'undefined' && module.exports) module.exports = { pluralText: pluralText };
}(typeof window !== 'undefined' ? window : globalThis));
