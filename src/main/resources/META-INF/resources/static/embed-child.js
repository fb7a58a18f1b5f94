/* Runs inside a Tradeline embed: tells the host page how tall the content is, as pym.js child
   messages ("pymxPYMx<id>xPYMxheightxPYMx<px>"), so pym.js parents (and loaders that speak its
   protocol) and Tradeline's own /embed.js resize the iframe. No other effect; the page reads fine without it. */
(function () {
  'use strict';
  if (window.parent === window) { return; }
  var params = new URLSearchParams(window.location.search);
  var id = params.get('childId') || window.name || 'tradeline';
  var last = -1;
  function send() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) { return; }
    last = height;
    window.parent.postMessage('pymxPYMx' + id + 'xPYMxheightxPYMx' + height, '*');
  }
  window.addEventListener('load', send);
  window.addEventListener('resize', send);
  if (window.ResizeObserver) { new ResizeObserver(send).observe(document.documentElement); }
  window.addEventListener('message', function (e) {
    if (typeof e.data === 'string' && e.data.indexOf('xPYMx') > 0 && e.data.indexOf('width') > 0) { last = -1; send(); }
  });
  send();
}());
