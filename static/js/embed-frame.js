// Runs inside /embed/** pages: reports the page's height to the parent page, and explains a
// Dockerfile passed in the fragment (#code=…, as the playground's share links and embed.js send it).
// Message: {type: "docker-tutorial:resize", height: <CSS pixels>}.
(function () {
  'use strict';
  var last = 0;
  function report() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last && window.parent !== window) {
      last = height;
      window.parent.postMessage({ type: 'docker-tutorial:resize', height: height }, '*');
    }
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('load', report);
  document.addEventListener('click', function () { setTimeout(report, 0); });
  report();

  var holder = document.querySelector('[data-embed-explain] [data-result]');
  var shared = window.ShareCodec ? ShareCodec.parseFragment(location.hash) : {};
  if (!holder || !shared.code) return;
  ShareCodec.decode(shared.code).then(function (text) {
    return fetch('/api/explain', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Accept': 'text/html' },
      body: text
    }).then(function (response) { return response.text(); });
  }).then(function (html) {
    holder.innerHTML = html; // server-rendered and escaped
    var empty = document.querySelector('[data-empty]');
    if (empty) empty.hidden = true;
    if (window.DockerfileExplainer) window.DockerfileExplainer.init(holder);
    if (shared.line) {
      var root = holder.querySelector('[data-explainer]');
      if (root && root.__explainer) root.__explainer.openFragment('#' + root.id + '-L' + shared.line);
    }
    report();
  }, function () { report(); });
})();
