// Keeps the breach SLA clocks ticking between page loads, in the words of privacy.SlaClock. The server renders every
// clock right at load time, so the page is correct without this script; it counts from the server's "now" on each clock.
(function () {
  var clocks = document.querySelectorAll('.sla-clock[data-due][data-now]');
  if (!clocks.length) { return; }
  var loaded = Date.now();
  function span(ms) {
    var m = Math.max(0, Math.floor(ms / 60000)), d = Math.floor(m / 1440), h = Math.floor(m % 1440 / 60), min = m % 60;
    return d > 0 ? d + ' d ' + h + ' h' : h > 0 ? h + ' h ' + min + ' min' : m > 0 ? min + ' min' : 'less than a minute';
  }
  function tick() {
    clocks.forEach(function (c) {
      var left = Date.parse(c.dataset.due) - (Date.parse(c.dataset.now) + Date.now() - loaded);
      c.textContent = left >= 0 ? span(left) + ' left' : 'overdue by ' + span(-left);
      c.classList.toggle('overdue', left < 0);
    });
  }
  setInterval(tick, 30000);
}());
