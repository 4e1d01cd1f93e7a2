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
    // A panel open over the code may reach below the end of the page: the frame grows to show it.
    var h = document.documentElement.getBoundingClientRect().height;
    Array.prototype.forEach.call(document.querySelectorAll('.has-overlay [data-explainer-panel]'), function (panel) {
      h = Math.max(h, panel.getBoundingClientRect().bottom + window.scrollY + 8);
    });
    return Math.ceil(h);
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

  // Frames are as tall as what they show. Beside the code, the panel scrolls inside the code's height
  // (the code is what the frame is sized to); in a narrow frame it opens over the code, just under the
  // line being explained, instead of reserving the tallest note's height below a short Dockerfile.
  function codeHeights() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-explainer]'), function (block) {
      var code = block.querySelector('.code-frame');
      if (code) block.style.setProperty('--code-h', Math.ceil(code.getBoundingClientRect().height) + 'px');
    });
  }

  function placePanels() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-explainer].is-enhanced'), function (block) {
      var panel = block.querySelector('[data-explainer-panel]');
      var layout = block.querySelector('.explainer-layout');
      if (!panel || !layout) return;
      var active = block.querySelectorAll('.explainer-code .line.is-active');
      var over = !block.classList.contains('is-beside') && active.length > 0;
      block.classList.toggle('has-overlay', over);
      if (!over) { panel.style.top = ''; return; }
      var last = active[active.length - 1];
      panel.style.top = Math.ceil(last.getBoundingClientRect().bottom - layout.getBoundingClientRect().top + 4) + 'px';
    });
    report(false);
  }

  var placing = false;
  function schedulePlacing() {
    if (placing) return;
    placing = true;
    requestAnimationFrame(function () { placing = false; placePanels(); });
  }

  function watchPanels() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-explainer]'), function (block) {
      new MutationObserver(schedulePlacing).observe(block, { attributes: true, attributeFilter: ['class'], subtree: true });
      // A note open over the code changes the frame's height without changing the document's.
      var panel = block.querySelector('[data-explainer-panel]');
      if (panel && window.ResizeObserver) new ResizeObserver(function () { report(false); }).observe(panel);
    });
    codeHeights();
    placePanels();
  }

  // The author's title (?title=, from embed.js) is the visible caption.
  function caption() {
    var title = new URLSearchParams(location.search).get('title');
    if (!title) return;
    Array.prototype.forEach.call(document.querySelectorAll('[data-explainer] > .code-title'), function (figcaption) {
      var first = figcaption.firstChild;
      if (first && first.nodeType === 3) first.nodeValue = title.slice(0, 200);
    });
  }

  function settle() {
    linksLeaveTheFrame(document);
    caption();
    watchPanels();
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
    codeHeights();
    placePanels();
  });
  window.addEventListener('load', function () { report(true); });
  document.addEventListener('DOMContentLoaded', start);

  // A Dockerfile in the fragment goes to the API now, while the page and the explainer's scripts load
  // (share-codec.js comes first, not deferred); start() uses the answer once the page is parsed.
  var early = /\/embed\/explain$/.test(location.pathname) && window.ShareCodec ? ShareCodec.parseFragment(location.hash) : {};
  var explained = early.code ? explainedHtml(early) : null;
  if (explained) explained.catch(function () { /* start() reports it */ });

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

  /** The API's HTML for the text in the fragment (a promise). */
  function explainedHtml(shared) {
    return ShareCodec.decode(shared.code).then(function (text) {
      // #code=…&kind=command: another kind of text than a Dockerfile (the API names the kinds).
      var named = shared.kind || new URLSearchParams(location.search).get('kind') || '';
      var kind = /^[a-z]{1,20}$/.test(named) ? '?kind=' + named : '';
      return fetch('/api/explain' + kind, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Accept': 'text/html' },
        body: text
      }).then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.text();
      });
    });
  }

  function explainShared(holder, shared) {
    (explained && shared.code === early.code ? explained : explainedHtml(shared)).then(function (html) {
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
