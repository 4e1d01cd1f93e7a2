// Docker Tutorial's drop-in embed script: <script src="https://HOST/embed.js" async></script>.
// - Every <pre class="dockerfile-explain"> and <dockerfile-explainer> becomes a line-by-line explainer
//   (an iframe of HOST/embed/explain), also when added later: a MutationObserver watches the page, and
//   DockerTutorial.scan(root) does it on demand.
// - The original text stays readable until the frame reports that it has loaded; a frame that never
//   reports within FRAME_TIMEOUT_MS (the host's CSP blocks it, the network fails, the server hangs) is
//   removed and leaves the text as it was.
// - Frames are inserted only after the host page's load event, so a slow or hanging server never holds
//   up the page (an iframe that is still loading would delay the host's load event).
// - Sources: <pre class="dockerfile-explain">, <dockerfile-explainer>, and, for text that must not be
//   HTML-escaped (heredocs: `RUN <<EOF`), <script type="text/x-dockerfile" class="dockerfile-explain"> or
//   <template class="dockerfile-explain">. A <pre> whose text the browser already parsed as elements (an
//   unescaped `<<EOF`) is left alone, with a warning in the console: hiding it would hide the page.
// - Nodes a hydrating framework (React: Docusaurus, Next.js, Gatsby) rendered on the server are left alone
//   until it has hydrated them; the frame is inserted next to the text, never in place of it.
// - Every iframe of HOST/embed/**, hand-written ones too, is sized to its content and follows the page's
//   theme (prefers-color-scheme, data-theme, data-md-color-scheme, or a theme attribute) without reloading.
// Options on an element (or on this script tag, for all): data-theme="dark|light" fixes the theme;
// data-background="solid" paints the explainer's own background (default: transparent, the page's shows
// through); data-height="400" fixes the frame's height (it scrolls inside), data-max-height="600" caps it;
// title="…" is the visible caption.
(function () {
  'use strict';
  if (window.DockerTutorial && window.DockerTutorial.scan) return; // loaded twice
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  function scriptOption(name) { return script && script.getAttribute('data-' + name); }
  var defaults = {
    theme: fixedTheme(scriptOption('theme')),
    background: scriptOption('background'),
    height: scriptOption('height'),
    'max-height': scriptOption('max-height')
  };
  var SOURCES = 'pre.dockerfile-explain, dockerfile-explainer, script.dockerfile-explain, template.dockerfile-explain';
  var FRAME_TIMEOUT_MS = 20000;
  // Once the frame has said it is loading (the server answered, its page runs), a long Dockerfile on a slow
  // device may take a while to explain: from then on it has this long before the text is left as it is.
  var FRAME_WORK_TIMEOUT_MS = 60000;
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
      if (entry.own && !entry.heard) return; // not loaded yet: it asks for the theme in its address
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
    var value = element.getAttribute('data-' + name);
    if (value === null && name !== 'height') value = element.getAttribute(name);
    return value !== null ? value : defaults[name];
  }

  function pixels(value) {
    var n = parseInt(value, 10);
    return n >= 48 && n < 100000 ? n : null;
  }

  function explainerFrame(text, options) {
    var theme = fixedTheme(options.theme);
    var query = '?theme=' + (theme || pageTheme())
      + (options.background === 'solid' ? '' : '&background=transparent')
      + (options.title ? '&title=' + encodeURIComponent(String(options.title).slice(0, 200)) : '');
    return pack(text).then(function (packed) {
      var frame = document.createElement('iframe');
      frame.src = base + '/embed/explain' + query + '#code=' + packed;
      frame.title = options.title ? options.title + ' (Dockerfile, explained line by line)' : 'Dockerfile, explained line by line';
      frame.className = 'dockerfile-explain-frame';
      frame.setAttribute('allow', 'clipboard-write');
      // Out of sight and out of the layout until it reports in; then as tall as its content (or as asked).
      frame.style.cssText = 'display:block;width:100%;height:0;border:0;visibility:hidden';
      frame.style.colorScheme = theme || pageTheme();
      return { frame: frame, theme: theme, own: true, height: pixels(options.height), maxHeight: pixels(options['max-height']) };
    });
  }

  function track(entry) {
    frames.push(entry);
    entry.frame.addEventListener('load', function () {
      // Frames made here report by themselves once loaded; a ping to a frame that the host's CSP blocked
      // would only log a warning. Hand-written frames may have loaded before this script: ask them.
      if (entry.own) return;
      if (!entry.theme) send(entry, { type: 'docker-tutorial:theme', theme: pageTheme() });
      send(entry, { type: 'docker-tutorial:ping' });
    });
    if (entry.onReady) {
      entry.timer = setTimeout(function () { giveUp(entry); }, FRAME_TIMEOUT_MS);
    }
    return entry;
  }

  // No answer in time: the frame goes, the Dockerfile stays as the page wrote it.
  function giveUp(entry) {
    if (!entry.onReady) return;
    entry.onReady = null;
    if (entry.frame.parentNode) entry.frame.parentNode.removeChild(entry.frame);
    frames = frames.filter(function (e) { return e !== entry; });
    if (entry.onFail) entry.onFail();
    console.warn('Docker Tutorial: the explainer from ' + base + (entry.heard ? ' was not ready within '
      + FRAME_WORK_TIMEOUT_MS / 1000 + ' s of loading' : ' did not load within ' + FRAME_TIMEOUT_MS / 1000 + ' s')
      + '; the Dockerfile stays as plain text.');
  }

  /** The Dockerfile a source holds, or null when the browser has already parsed it into elements. */
  function sourceText(element) {
    var tag = element.tagName.toLowerCase();
    if (tag === 'template') {
      // Its content is parsed as HTML too (inert): text only, or the Dockerfile is no longer what was written.
      var content = element.content || element;
      return content.querySelector && content.querySelector('*') ? null : content.textContent;
    }
    if (tag === 'script') return element.type === 'text/x-dockerfile' ? element.text : null;
    if (tag === 'pre') {
      // A host's own copy button (Material puts one in every <pre>) is decoration, not Dockerfile. Any other
      // element, or one inside the <code>, is markup the browser made of the text.
      var nodes = Array.prototype.filter.call(element.childNodes, function (n) { return n.nodeName !== 'BUTTON'; });
      var bad = nodes.some(function (n) {
        return n.nodeType === 1 && (n.nodeName !== 'CODE' || n.querySelector('*'));
      });
      return bad ? null : nodes.map(function (n) { return n.textContent; }).join('');
    }
    return element.textContent;
  }

  function mountSource(element) {
    if (element.hasAttribute('data-embedded')) return;
    if (!safeToTouch(element)) { later(); return; }
    var text = sourceText(element);
    var tag = element.tagName.toLowerCase();
    if (text === null) {
      element.setAttribute('data-embedded', 'refused');
      if (element.tagName.toLowerCase() === 'pre') {
        console.warn('Docker Tutorial: this <pre class="dockerfile-explain"> holds HTML elements, not just text: the '
          + 'browser read part of the Dockerfile (an unescaped "<<EOF"?) as markup, so it is left alone. Escape < and & '
          + 'as &lt; and &amp;, or put the Dockerfile in <script type="text/x-dockerfile" class="dockerfile-explain">.',
          element);
      } else if (tag === 'template') {
        console.warn('Docker Tutorial: this <template class="dockerfile-explain"> holds HTML elements (a "<" in the '
          + 'Dockerfile?): use <script type="text/x-dockerfile" class="dockerfile-explain">, whose text is never read as HTML.',
          element);
      } else {
        console.warn('Docker Tutorial: a <script class="dockerfile-explain"> needs type="text/x-dockerfile".', element);
      }
      return;
    }
    element.setAttribute('data-embedded', 'pending');
    text = text.replace(/^\r?\n/, '');
    var shown = element;
    if (tag === 'script' || tag === 'template') {
      // Invisible by nature: show the text as code until the frame is there (and for good if it never is).
      shown = document.createElement('pre');
      shown.className = 'dockerfile-explain-fallback';
      shown.textContent = text;
      element.parentNode.insertBefore(shown, element.nextSibling);
    } else if (tag === 'dockerfile-explainer') {
      // Until the frame is there, show the text as code rather than one run-on line.
      element.style.display = 'block';
      element.style.whiteSpace = 'pre';
      element.style.fontFamily = 'monospace';
      element.style.overflowX = 'auto';
    }
    explainerFrame(text, {
      theme: option(element, 'theme'),
      background: option(element, 'background'),
      height: option(element, 'height'),
      'max-height': option(element, 'max-height'),
      title: element.getAttribute('title') || element.getAttribute('data-title')
    }).then(function (entry) {
      if (!element.isConnected) return;
      entry.source = element;
      entry.onReady = function () {
        shown.style.display = 'none';
        element.setAttribute('data-embedded', 'true');
      };
      entry.onFail = function () { element.setAttribute('data-embedded', 'failed'); };
      shown.parentNode.insertBefore(entry.frame, shown.nextSibling);
      track(entry);
    });
  }

  /** For components that render their own fallback (the Docusaurus plugin): a frame inside slot. */
  function mount(slot, options) {
    options = options || {};
    return afterLoad().then(function () {
      return explainerFrame(String(options.code || ''), options);
    }).then(function (entry) {
      entry.onReady = options.onReady || function () {};
      entry.onFail = options.onFail;
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
    if (!loaded) return; // start() scans the whole page once it has loaded
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
        clearTimeout(entry.timer);
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
    if (!entry.heard) {
      entry.heard = true;
      if (entry.onReady) {
        clearTimeout(entry.timer);
        entry.timer = setTimeout(function () { giveUp(entry); }, FRAME_WORK_TIMEOUT_MS);
      }
      // The page's theme may have changed while the frame loaded with the one in its address.
      if (!entry.theme && entry.own) send(entry, { type: 'docker-tutorial:theme', theme: pageTheme() });
    }
    var height = Number(data.height);
    if (!(height > 0 && height < 100000)) return;
    if (entry.onReady && data.state !== 'ready' && data.state !== 'failed') return; // keep showing the text
    if (entry.onReady && data.state === 'failed') { clearTimeout(entry.timer); giveUp(entry); return; }
    if (entry.height) height = entry.height;
    else if (entry.maxHeight) height = Math.min(height, entry.maxHeight);
    entry.frame.style.height = Math.ceil(height) + 'px';
    if (entry.onReady) {
      clearTimeout(entry.timer);
      entry.frame.style.visibility = 'visible';
      var ready = entry.onReady;
      entry.onReady = null;
      ready(entry.frame, height);
    }
  });

  var loaded = false;
  var loadWaiters = [];
  function afterLoad() {
    return new Promise(function (resolve) { if (loaded) resolve(); else loadWaiters.push(resolve); });
  }

  function start() {
    loaded = true;
    loadWaiters.splice(0).forEach(function (resolve) { resolve(); });
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
  // Frames wait for the host page's load event: a frame still loading would hold it up, and a server that
  // accepts connections but never answers would hold it up for good.
  if (document.readyState === 'complete') start(); else window.addEventListener('load', start);
  document.dispatchEvent(new CustomEvent('docker-tutorial:loaded'));
})();
