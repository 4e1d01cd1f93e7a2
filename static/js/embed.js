// Docker Tutorial's drop-in embed script: <script src="https://HOST/embed.js" async></script>.
// - Every <pre class="dockerfile-explain"> and <dockerfile-explainer> becomes a line-by-line explainer
//   (an iframe of HOST/embed/explain), also when added later: a MutationObserver watches the page, and
//   DockerTutorial.scan(root) does it on demand.
// - The original text stays readable until the frame reports that it has loaded; a frame that never
//   reports (the host's CSP blocks it, the network fails) leaves the text as it was.
// - Nodes a hydrating framework (React: Docusaurus, Next.js, Gatsby) rendered on the server are left alone
//   until it has hydrated them; the frame is inserted next to the text, never in place of it.
// - Every iframe of HOST/embed/**, hand-written ones too, is sized to its content and follows the page's
//   theme (prefers-color-scheme, data-theme, data-md-color-scheme, or a theme attribute) without reloading.
// Options on an element (or on this script tag, for all): data-theme="dark|light" fixes the theme;
// data-background="transparent" lets the page's background show through.
(function () {
  'use strict';
  if (window.DockerTutorial && window.DockerTutorial.scan) return; // loaded twice
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var defaults = {
    theme: fixedTheme(script && script.getAttribute('data-theme')),
    background: script && script.getAttribute('data-background')
  };
  var SOURCES = 'pre.dockerfile-explain, dockerfile-explainer';
  var REACT_ROOTS = '#__docusaurus, #__next, #___gatsby, [data-reactroot]';
  var HYDRATION_WAIT_MS = 10000;
  var frames = []; // {frame, source, theme (fixed or null), onReady}

  function fixedTheme(value) {
    return value === 'dark' || value === 'light' ? value : null;
  }

  // ---------- the page's theme ----------
  function pageTheme() {
    var html = document.documentElement;
    var body = document.body;
    var docusaurus = fixedTheme(html.getAttribute('data-theme'));
    if (docusaurus) return docusaurus;
    var material = (body && body.getAttribute('data-md-color-scheme')) || html.getAttribute('data-md-color-scheme');
    if (material) return material === 'slate' ? 'dark' : 'light';
    if (html.classList.contains('dark')) return 'dark';
    return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function themeOf(entry) {
    return entry.theme || pageTheme();
  }

  function send(entry, message) {
    var w = entry.frame.contentWindow;
    if (!w) return;
    var origin;
    try { origin = w.location.origin; } catch (e) { origin = null; } // unreadable: the embed page is there
    if (origin !== null && origin !== base) return; // still the initial about:blank: its load event will ask
    w.postMessage(message, base);
  }

  var lastTheme = null;
  function followTheme() {
    var theme = pageTheme();
    if (theme === lastTheme) return;
    lastTheme = theme;
    frames.forEach(function (entry) {
      if (entry.theme) return;
      entry.frame.style.colorScheme = theme;
      send(entry, { type: 'docker-tutorial:theme', theme: theme });
    });
  }

  // ---------- hydration ----------
  function marked(node, prefixes) {
    return Object.keys(node).some(function (key) {
      return prefixes.some(function (p) { return key.indexOf(p) === 0; });
    });
  }
  var started = Date.now();
  function safeToTouch(node) {
    var root = node.closest && node.closest(REACT_ROOTS);
    if (!root) return true;
    // A server-rendered node that React has not claimed yet: changing the DOM around it now makes
    // hydration fail (React error #418) and React throws our change away. Waiting is enough. A root
    // that React never started on (no framework script ran) is left waiting only so long.
    if (marked(node, ['__reactFiber$', '__reactProps$'])) return true;
    return !marked(root, ['__reactContainer$']) && Date.now() - started > HYDRATION_WAIT_MS;
  }
  var retry = null;
  function later() {
    if (!retry) retry = setTimeout(function () { retry = null; scan(document); }, 100);
  }

  // ---------- frames ----------
  function toBase64Url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function pack(text) {
    var bytes = new TextEncoder().encode(text);
    if (typeof CompressionStream === 'undefined') return Promise.resolve('b:' + toBase64Url(bytes));
    var stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (b) { return 'z:' + toBase64Url(new Uint8Array(b)); });
  }

  function option(element, name) {
    return element.getAttribute('data-' + name) || element.getAttribute(name) || defaults[name];
  }

  function explainerFrame(text, options) {
    var theme = fixedTheme(options.theme);
    var query = '?theme=' + (theme || pageTheme()) + (options.background === 'transparent' ? '&background=transparent' : '');
    return pack(text).then(function (packed) {
      var frame = document.createElement('iframe');
      frame.src = base + '/embed/explain' + query + '#code=' + packed;
      frame.title = options.title || 'Dockerfile, explained line by line';
      frame.className = 'dockerfile-explain-frame';
      frame.setAttribute('allow', 'clipboard-write');
      // Out of sight and out of the layout until it reports in; then exactly as tall as its content.
      frame.style.cssText = 'display:block;width:100%;height:0;border:0;visibility:hidden';
      frame.style.colorScheme = theme || pageTheme();
      return { frame: frame, theme: theme };
    });
  }

  function track(entry) {
    frames.push(entry);
    entry.frame.addEventListener('load', function () {
      if (!entry.theme) send(entry, { type: 'docker-tutorial:theme', theme: pageTheme() });
      send(entry, { type: 'docker-tutorial:ping' });
    });
    return entry;
  }

  function mountSource(element) {
    if (element.hasAttribute('data-embedded')) return;
    if (!safeToTouch(element)) { later(); return; }
    element.setAttribute('data-embedded', 'pending');
    var text = element.textContent.replace(/^\r?\n/, '');
    if (element.tagName.toLowerCase() === 'dockerfile-explainer') {
      // Until the frame is there, show the text as code rather than one run-on line.
      element.style.display = 'block';
      element.style.whiteSpace = 'pre';
      element.style.fontFamily = 'monospace';
      element.style.overflowX = 'auto';
    }
    explainerFrame(text, {
      theme: option(element, 'theme'),
      background: option(element, 'background'),
      title: element.getAttribute('title')
    }).then(function (entry) {
      if (!element.isConnected) return;
      entry.source = element;
      entry.onReady = function () {
        element.style.display = 'none';
        element.setAttribute('data-embedded', 'true');
      };
      element.parentNode.insertBefore(entry.frame, element.nextSibling);
      track(entry);
    });
  }

  /** For components that render their own fallback (the Docusaurus plugin): a frame inside slot. */
  function mount(slot, options) {
    options = options || {};
    return explainerFrame(String(options.code || ''), options).then(function (entry) {
      entry.onReady = options.onReady;
      slot.appendChild(entry.frame);
      return track(entry).frame;
    });
  }

  function adopt(frame) {
    if (frame.__dockerTutorial) return;
    var url;
    try { url = new URL(frame.getAttribute('src') || '', location.href); } catch (e) { return; }
    if (url.origin !== base || url.pathname.indexOf('/embed/') !== 0) return;
    if (!safeToTouch(frame)) { later(); return; }
    frame.__dockerTutorial = true;
    var entry = track({ frame: frame, theme: fixedTheme(url.searchParams.get('theme')) });
    // It may have loaded (and reported its height) before this script ran.
    if (!entry.theme) {
      frame.style.colorScheme = pageTheme();
      send(entry, { type: 'docker-tutorial:theme', theme: pageTheme() });
    }
    send(entry, { type: 'docker-tutorial:ping' });
  }

  function scan(root) {
    root = root || document;
    if (root.querySelectorAll) {
      Array.prototype.forEach.call(root.querySelectorAll(SOURCES), mountSource);
      Array.prototype.forEach.call(root.querySelectorAll('iframe[src]'), function (f) {
        if (!f.classList.contains('dockerfile-explain-frame')) adopt(f);
      });
      if (root.matches && root.matches(SOURCES)) mountSource(root);
    }
  }

  // Frames whose text was removed (client-side navigation) go with it.
  function forget() {
    frames = frames.filter(function (entry) {
      if (entry.source && !entry.source.isConnected) {
        if (entry.frame.parentNode) entry.frame.parentNode.removeChild(entry.frame);
        return false;
      }
      return entry.frame.isConnected;
    });
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== base || !data || data.type !== 'docker-tutorial:resize') return;
    var entry = null;
    for (var i = 0; i < frames.length && !entry; i++) if (frames[i].frame.contentWindow === event.source) entry = frames[i];
    if (!entry) {
      scan(document);
      for (var j = 0; j < frames.length && !entry; j++) if (frames[j].frame.contentWindow === event.source) entry = frames[j];
    }
    if (!entry) return;
    var height = Number(data.height);
    if (!(height > 0 && height < 100000)) return;
    if (entry.onReady && data.state !== 'ready') return; // keep showing the text
    entry.frame.style.height = Math.ceil(height) + 'px';
    if (entry.onReady) {
      entry.frame.style.visibility = 'visible';
      var ready = entry.onReady;
      entry.onReady = null;
      ready(entry.frame, height);
    }
  });

  function start() {
    scan(document);
    lastTheme = pageTheme();
    new MutationObserver(function (records) {
      var removed = false;
      records.forEach(function (r) {
        if (r.removedNodes.length) removed = true;
        Array.prototype.forEach.call(r.addedNodes, function (node) {
          if (node.nodeType === 1) scan(node);
        });
      });
      if (removed) forget();
    }).observe(document.documentElement, { childList: true, subtree: true });
    var themes = new MutationObserver(followTheme);
    [document.documentElement, document.body].forEach(function (node) {
      if (node) themes.observe(node, { attributes: true, attributeFilter: ['data-theme', 'data-md-color-scheme', 'class'] });
    });
    if (window.matchMedia) {
      var query = matchMedia('(prefers-color-scheme: dark)');
      if (query.addEventListener) query.addEventListener('change', followTheme);
    }
  }

  window.DockerTutorial = { scan: scan, mount: mount, origin: base };
  // Text inside a <pre> may still be arriving while the document loads: start once it is parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
  document.dispatchEvent(new CustomEvent('docker-tutorial:loaded'));
})();
