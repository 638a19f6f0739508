// The header's search box: carries what was typed to the search page in the address's
// fragment (#q=...), which browsers never send to a server; the search page removes it from
// the address at once. The input has no name, so without JavaScript nothing typed is put in
// an address either: the form just opens the search page.
(function () {
  'use strict';
  var form = document.querySelector('[data-site-search]');
  if (!form) return;
  form.addEventListener('submit', function (event) {
    var input = form.querySelector('input');
    if (!input || !input.value.trim()) return;
    event.preventDefault();
    // Already on the search page: search there, without loading it again.
    var page = document.querySelector('[data-search-input]');
    if (page && page.form) {
      page.value = input.value.trim();
      page.form.requestSubmit();
      page.focus();
      return;
    }
    location.assign(form.getAttribute('action') + '#q=' + encodeURIComponent(input.value.trim()));
  });
})();
