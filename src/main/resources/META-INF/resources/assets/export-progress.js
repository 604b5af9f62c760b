// Keeps an export's status current while it runs, in place (the region is aria-live="polite"). Only an enhancement:
// without scripts the page has a "Check again" link.
(function () {
  'use strict';
  var status = document.getElementById('export-status');
  if (!status || !window.fetch || !window.DOMParser) {
    return;
  }
  function poll() {
    if (status.getAttribute('data-active') !== 'true') {
      return;
    }
    fetch(window.location.href, {headers: {Accept: 'text/html'}, credentials: 'same-origin', cache: 'no-store'})
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('export-status');
        if (next) {
          if (next.innerHTML !== status.innerHTML) {
            // Only a real change is written (and announced).
            status.innerHTML = next.innerHTML;
          }
          status.setAttribute('data-active', next.getAttribute('data-active'));
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { /* the link still works */ });
  }
  window.setTimeout(poll, 2000);
}());
