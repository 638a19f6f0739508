// Exit this page: leave for a neutral site at once, replacing this page in the history so
// that Back does not return here. Pressing Shift three times does the same, as GOV.UK's
// 'Exit this page' component does: up to five seconds between presses, each press announced
// to screen readers ('Shift, press 2 more times'), any other key starts again, and a Shift
// held to type a capital letter does not count. Without JavaScript the button is still a
// plain link to the neutral site, with no referrer.
(function () {
  'use strict';
  var button = document.querySelector('[data-exit-this-page]');
  if (!button) return;
  var status = document.querySelector('[data-exit-this-page-status]');
  // The words come from the page, in its language (the theme's translations).
  var words = button.dataset;
  var NEEDED = 3;
  var WAIT_MS = 5000;
  var presses = 0;
  var timer = null;
  var shiftWasModifier = false;

  function announce(text) {
    if (status) status.textContent = text;
  }

  function leave(event) {
    if (event) event.preventDefault();
    // Hide the page at once, before the neutral site has loaded.
    document.body.classList.add('exiting');
    document.title = words.loading;
    announce(words.activated);
    window.location.replace(button.href);
  }

  function reset(message) {
    if (presses > 0 && message) announce(message);
    presses = 0;
    clearTimeout(timer);
    timer = null;
  }

  button.addEventListener('click', leave);

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Shift') return;
    // Shift held with another key (typing a capital) is not an exit press.
    if (event.shiftKey) shiftWasModifier = true;
    reset(words.expired);
  });

  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift') return;
    if (shiftWasModifier) {
      shiftWasModifier = false;
      return;
    }
    presses += 1;
    clearTimeout(timer);
    if (presses >= NEEDED) {
      reset();
      leave();
      return;
    }
    var left = NEEDED - presses;
    announce(left === 1 ? words.pressOneMore : words.pressTwoMore);
    timer = setTimeout(function () { reset(words.expired); }, WAIT_MS);
  });

  // A page restored from the back-forward cache shows again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) document.body.classList.remove('exiting');
  });
})();
