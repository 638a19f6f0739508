// Exit this page: leave for a neutral site at once, replacing this page in the history so
// that Back does not return here. Pressing Shift three times in a row does the same.
// Without JavaScript the button is still a plain link to the neutral site.
(function () {
  'use strict';
  var button = document.querySelector('[data-exit-this-page]');
  if (!button) return;

  function leave(event) {
    if (event) event.preventDefault();
    document.body.classList.add('exiting');
    document.title = 'Loading';
    window.location.replace(button.href);
  }

  button.addEventListener('click', leave);

  var presses = 0;
  var timer = null;
  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift') {
      presses = 0;
      return;
    }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 1000);
    if (presses >= 3) leave();
  });
})();
