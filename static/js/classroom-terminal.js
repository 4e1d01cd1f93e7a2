// The classroom terminal: xterm.js over a WebSocket to the learner's shell (io.dockertutorial.classroom).
// Reconnects after a network blip to the same shell; lesson blocks marked `console lab` get a
// "Run in my sandbox" button that types their commands here and shows expected and actual output side by side.
(function () {
  'use strict';
  var panel = document.querySelector('[data-sandbox]');
  if (!panel || !window.Terminal) { return; }

  // Strict CSP: xterm puts its computed rules in <style> elements, which the policy blocks. Move their text
  // into constructed style sheets (CSSOM, allowed by the policy) and keep them in step when xterm changes them.
  var sheets = new Map();
  function adopt(style) {
    var sheet = sheets.get(style);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheets.set(style, sheet);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      new MutationObserver(function () { sheet.replaceSync(style.textContent || ''); })
        .observe(style, { childList: true, characterData: true, subtree: true });
    }
    sheet.replaceSync(style.textContent || '');
  }
  var box = panel.querySelector('[data-sandbox-terminal]');
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeName === 'STYLE') { adopt(n); }
        if (n.querySelectorAll) { n.querySelectorAll('style').forEach(adopt); }
      });
    });
  }).observe(box, { childList: true, subtree: true });

  var statusEl = panel.querySelector('[data-sandbox-status]');
  function setState(state, message) {
    panel.setAttribute('data-sandbox-state', state);
    if (message) { statusEl.textContent = message; }
  }

  var dark = document.documentElement.classList.contains('dark')
    || (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var term = new window.Terminal({
    screenReaderMode: true,
    cursorBlink: false,
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: dark ? { background: '#0f141a', foreground: '#e6eaef' } : { background: '#ffffff', foreground: '#1b1f24', cursor: '#1b1f24', selectionBackground: '#b4d0fb' }
  });
  var fit = new window.FitAddon.FitAddon();
  term.loadAddon(fit);
  term.open(box);
  try { fit.fit(); } catch (e) { /* hidden panel: fitted when shown */ }

  // Keyboard: Escape then Tab leaves the terminal (Tab alone goes to the shell, for completion).
  // Ctrl+Shift+C copies the selection; Ctrl+Shift+V pastes (the browser's paste event).
  var escaped = false;
  term.attachCustomKeyEventHandler(function (e) {
    if (e.type !== 'keydown') { return true; }
    if (e.key === 'Tab' && escaped) { escaped = false; return false; }
    escaped = e.key === 'Escape';
    if (e.ctrlKey && e.shiftKey && (e.key === 'C' || e.key === 'c') && term.hasSelection()) {
      if (navigator.clipboard) { navigator.clipboard.writeText(term.getSelection()); }
      return false;
    }
    if (e.ctrlKey && e.shiftKey && (e.key === 'V' || e.key === 'v')) { return false; }
    return true;
  });

  var ws = null;
  var ready = false;
  var ended = false;
  var retry = 0;
  var pending = [];
  var listeners = [];
  var decoder = new TextDecoder();
  var encoder = new TextEncoder();

  function url() {
    var u = new URL(panel.getAttribute('data-terminal-url'), location.href);
    u.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    u.search = 'cols=' + term.cols + '&rows=' + term.rows;
    return u.href;
  }

  function connect() {
    ready = false;
    setState('connecting', retry ? 'Reconnecting to your sandbox…' : 'Connecting to your sandbox…');
    ws = new WebSocket(url());
    ws.binaryType = 'arraybuffer';
    var replayed = false;
    ws.onmessage = function (ev) {
      if (typeof ev.data === 'string') {
        var msg = JSON.parse(ev.data);
        if (msg.status === 'ready') {
          ready = true; retry = 0; ended = false;
          setState('ready', msg.message);
          sendResize();
          pending.splice(0).forEach(sendText);
        } else {
          // 'ended': the shell exited or the teacher reset the sandbox; reconnecting gets a new one.
          // 'error': not in the class (any more), or the sandbox failed: stay disconnected.
          ended = msg.status === 'error';
          setState(msg.status, msg.message);
          if (msg.status === 'ended') { ws.close(); }
        }
        return;
      }
      if (!replayed) { replayed = true; term.reset(); }   // the server replays recent output first
      var bytes = new Uint8Array(ev.data);
      term.write(bytes);
      var text = decoder.decode(bytes, { stream: true });
      listeners.forEach(function (l) { l(text); });
    };
    ws.onclose = function () {
      ready = false;
      if (ended) { setState(panel.getAttribute('data-sandbox-state'), null); return; }
      retry = Math.min(retry + 1, 5);
      if (panel.getAttribute('data-sandbox-state') === 'ended') { retry = 2; }
      setState('reconnecting', 'Connection lost; reconnecting…');
      setTimeout(connect, 500 * Math.pow(2, retry - 1));
    };
  }

  function sendResize() {
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify({ resize: [term.cols, term.rows] }));
    }
  }
  function sendText(text) {
    if (ready && ws.readyState === WebSocket.OPEN) { ws.send(JSON.stringify({ input: text })); } else { pending.push(text); }
  }

  term.onData(function (data) { if (ready) { ws.send(encoder.encode(data)); } });
  term.onBinary(function (data) {
    if (!ready) { return; }
    var b = new Uint8Array(data.length);
    for (var i = 0; i < data.length; i++) { b[i] = data.charCodeAt(i) & 255; }
    ws.send(b);
  });
  term.onResize(sendResize);
  new ResizeObserver(function () { if (box.offsetParent) { try { fit.fit(); } catch (e) { /* not laid out */ } } }).observe(box);

  var toggle = panel.querySelector('[data-sandbox-toggle]');
  function show(open) {
    if (!toggle) { return; }
    panel.classList.toggle('sandbox-hidden', !open);
    toggle.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? 'Hide' : 'Show terminal';
    if (open) { try { fit.fit(); } catch (e) { /* not laid out */ } }
  }
  if (toggle) { toggle.addEventListener('click', function () { show(panel.classList.contains('sandbox-hidden')); }); }

  // "Run in my sandbox" on every hands-on step of the lesson.
  var ANSI = /\u001b\[[0-9;?]*[ -\/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[()][A-Za-z0-9]|\u001b[=>]|\r/g;
  var PROMPT = /@sandbox:[^\n]*\$ $/;
  function expectedOf(figure) {
    // One element per line (the server's highlighter); plain text as a fallback.
    var lines = Array.prototype.map.call(figure.querySelectorAll('pre .line'), function (l) {
      var code = l.querySelector('.line-code');
      return (code || l).textContent;
    });
    if (!lines.length) { lines = (figure.querySelector('pre').textContent || '').split('\n'); }
    var out = [];
    var continued = false;
    lines.forEach(function (line) {
      if (/^\$ /.test(line) || continued) { continued = /\\$/.test(line); return; }
      out.push(line);
    });
    return out.join('\n').trim();
  }
  document.querySelectorAll('figure.code-block[data-lab], figure.command-explainer[data-lab]').forEach(function (figure, n) {
    var copy = figure.querySelector('[data-copy]');
    if (!copy) { return; }
    // A step the lesson's author marked as one a rootless sandbox cannot run: say why instead of a button.
    var why = figure.getAttribute('data-no-sandbox');
    if (why) {
      var note = document.createElement('p');
      note.className = 'sandbox-note';
      note.textContent = 'Not in your sandbox: ' + why;
      figure.after(note);
      return;
    }
    var commands = copy.getAttribute('data-copy').replace(/\s+$/, '');
    var count = commands.split('\n').filter(function (l) { return !/\\$/.test(l); }).length;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button sandbox-run';
    button.textContent = 'Run in my sandbox';
    button.setAttribute('aria-describedby', 'sandbox-result-' + n);
    var result = document.createElement('div');
    result.className = 'sandbox-result';
    result.id = 'sandbox-result-' + n;
    result.setAttribute('role', 'status');
    result.hidden = true;
    figure.after(button, result);
    button.addEventListener('click', function () {
      show(true);
      var seen = '';
      var prompts = 0;
      var finished = false;
      function done(note) {
        if (finished) { return; }
        finished = true;
        listeners = listeners.filter(function (l) { return l !== listen; });
        render(result, expectedOf(figure), seen.replace(ANSI, '').replace(PROMPT, '').trim(), note);
        button.disabled = false;
      }
      function listen(text) {
        seen += text;
        var clean = seen.replace(ANSI, '');
        if (PROMPT.test(clean)) {
          prompts = (clean.match(/@sandbox:[^\n]*\$ /g) || []).length;
          if (prompts >= count) { done(''); }
        }
      }
      listeners.push(listen);
      button.disabled = true;
      result.hidden = false;
      result.textContent = 'Running in your sandbox…';
      sendText(commands + '\n');
      setTimeout(function () { done('(still running after 120 s; see the terminal)'); }, 120000);
    });
  });

  function render(el, expected, actual, note) {
    el.textContent = '';
    [['Expected (from the lesson)', expected || '(no output shown in the lesson)'], ['What happened', actual + (note ? '\n' + note : '')]]
      .forEach(function (pair) {
        var col = document.createElement('div');
        col.className = 'sandbox-result-col';
        var h = document.createElement('p');
        h.className = 'sandbox-result-title';
        h.textContent = pair[0];
        var pre = document.createElement('pre');
        pre.className = 'code';
        pre.tabIndex = 0;
        pre.textContent = pair[1];
        col.append(h, pre);
        el.append(col);
      });
  }

  connect();
})();
