// Runs inside /embed/** pages. Talks to the page that frames it with postMessage:
//   out: {type: "docker-tutorial:resize", height: <CSS px>, state: "loading" | "ready" | "failed"}
//        sent when the height changes and whenever asked;
//   in:  {type: "docker-tutorial:ping"} asks for the height now (a host script that loaded late);
//        {type: "docker-tutorial:theme", theme: "dark" | "light" | null} switches the theme without a reload.
// Also: links open outside the frame, and a Dockerfile passed in the fragment (#code=…, as embed.js and
// the playground's share links send it) is explained by asking the API, so no URL hits a header limit.
// Loaded in <head> without defer: buttons that need a script (.js-only) show from the first paint; the
// rest starts once the page is parsed, after the deferred explainer.js has enhanced the blocks.
(function () {
  'use strict';
  var framed = window.parent !== window;
  var root = document.documentElement;
  root.classList.add('js');
  var state = 'loading';
  var last = -1;

  function height() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }
  function report(force) {
    var h = height();
    if (!framed || (h === last && !force)) return;
    last = h;
    window.parent.postMessage({ type: 'docker-tutorial:resize', height: h, state: state }, '*');
  }

  // A link followed inside a frame dies there (most sites refuse to be framed): open it in a new tab.
  function linksLeaveTheFrame(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll('a[href]'), function (a) {
      if (a.getAttribute('href').charAt(0) === '#') return;
      a.target = '_blank';
      a.rel = 'noopener';
    });
  }

  // The panel takes the height of its longest explanation from the start, so pointing at lines
  // never changes the frame's height (the host page would jump).
  function reservePanels() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-explainer].is-enhanced'), function (block) {
      var panel = block.querySelector('[data-explainer-panel]');
      if (!panel) return;
      var probe = document.createElement('div');
      probe.className = panel.className;
      probe.setAttribute('aria-hidden', 'true');
      probe.style.position = 'absolute';
      probe.style.visibility = 'hidden';
      probe.style.left = '0';
      probe.style.top = '0';
      probe.style.minHeight = '0';
      probe.style.width = panel.getBoundingClientRect().width + 'px';
      block.appendChild(probe);
      var tallest = panel.getBoundingClientRect().height;
      // The longest texts make the tallest panels; measuring a dozen keeps a 1,000-line Dockerfile quick.
      var notes = Array.prototype.slice.call(block.querySelectorAll('.explainer-note'));
      notes.sort(function (a, b) { return b.textContent.length - a.textContent.length; });
      notes.slice(0, 12).forEach(function (note) {
        probe.textContent = '';
        var status = document.createElement('p');
        status.className = 'panel-status';
        status.textContent = 'Pinned';
        var copy = document.createElement('div');
        copy.className = 'panel-note';
        Array.prototype.forEach.call(note.childNodes, function (c) { copy.appendChild(c.cloneNode(true)); });
        probe.appendChild(status);
        probe.appendChild(copy);
        tallest = Math.max(tallest, probe.getBoundingClientRect().height);
      });
      block.removeChild(probe);
      panel.style.minHeight = Math.ceil(tallest) + 'px';
    });
  }

  function settle() {
    linksLeaveTheFrame(document);
    reservePanels();
    report(true);
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || !event.data || typeof event.data !== 'object') return;
    if (event.data.type === 'docker-tutorial:theme') {
      var theme = event.data.theme;
      if (theme === 'dark' || theme === 'light') root.setAttribute('data-theme', theme);
      else if (theme === null) root.removeAttribute('data-theme');
      report(true);
    } else if (event.data.type === 'docker-tutorial:ping') {
      report(true);
    }
  });
  document.addEventListener('click', function (event) {
    var a = event.target.closest && event.target.closest('a[href]');
    if (a && a.getAttribute('href').charAt(0) !== '#') { a.target = '_blank'; a.rel = 'noopener'; }
    setTimeout(report, 0);
  }, true);
  if (window.ResizeObserver) new ResizeObserver(function () { report(false); }).observe(document.documentElement);
  var width = window.innerWidth;
  window.addEventListener('resize', function () {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    reservePanels();
  });
  window.addEventListener('load', function () { report(true); });
  document.addEventListener('DOMContentLoaded', start);

  function start() {
    var holder = document.querySelector('[data-embed-explain] [data-result]');
    var shared = window.ShareCodec ? ShareCodec.parseFragment(location.hash) : {};
    if (!holder || !shared.code) {
      state = document.querySelector('[data-embed-failed]') ? 'failed' : 'ready';
      settle();
      return;
    }
    report(true);
    explainShared(holder, shared);
  }

  function explainShared(holder, shared) {
    ShareCodec.decode(shared.code).then(function (text) {
      return fetch('/api/explain' + (shared.kind ? '?kind=' + encodeURIComponent(shared.kind) : ''), {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Accept': 'text/html' },
        body: text
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      });
    }).then(function (html) {
      holder.innerHTML = html; // server-rendered and escaped
      var empty = document.querySelector('[data-empty]');
      if (empty) empty.hidden = true;
      if (window.DockerfileExplainer) window.DockerfileExplainer.init(holder);
      if (shared.line) {
        var block = holder.querySelector('[data-explainer]');
        if (block && block.__explainer) block.__explainer.openFragment('#' + block.id + '-L' + shared.line);
      }
      state = 'ready';
      settle();
    }, function () {
      var empty = document.querySelector('[data-empty]');
      if (empty) empty.textContent = 'This Dockerfile could not be explained here.';
      state = 'failed';
      report(true);
    });
  }
})();
