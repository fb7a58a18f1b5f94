/* Tradeline embed loader for host pages. Put it once on a page with one or more
   <iframe data-tradeline-embed src="https://…/embed/timelines/…"> and each iframe takes the
   height its content reports (pym.js message protocol). Safe to load twice. */
(function () {
  'use strict';
  if (window.__tradelineEmbed) { return; }
  window.__tradelineEmbed = true;
  function frames() { return document.querySelectorAll('iframe[data-tradeline-embed]'); }
  window.addEventListener('message', function (e) {
    var height = null;
    if (typeof e.data === 'string' && e.data.indexOf('pymxPYMx') === 0) {
      var parts = e.data.split('xPYMx');
      if (parts[2] === 'height') { height = parseInt(parts[3], 10); }
    }
    if (height === null || !(height > 0) || height > 100000) { return; }
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (list[i].contentWindow === e.source) {
        list[i].style.height = height + 'px';
        list[i].setAttribute('height', String(height));
      }
    }
  });
}());
