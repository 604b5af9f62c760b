// Optional: a "Copy" button for a value shown once (a new push token). Without this script the button stays hidden and
// the value can be selected and copied by hand; the page needs nothing from it.
(function () {
  'use strict';
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    var target = document.getElementById(button.getAttribute('data-copy-target'));
    var status = button.parentElement.querySelector('[data-copy-status]');
    if (!target) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        if (status) { status.textContent = 'Copied.'; }
      }, function () {
        if (status) { status.textContent = 'Could not copy: select the token and copy it by hand.'; }
      });
    });
  });
}());
