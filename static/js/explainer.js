// The line-by-line Dockerfile explainer. Server-rendered HTML already holds every explanation
// (in .explainer-notes); this script turns it into an interactive panel: hover previews, click/tap
// or Enter pins (a second tap closes), Escape or the Close button unpins, arrows move between
// instructions and, left/right, between the flags and commands inside one; #dockerfile-N-L10 links
// open a pinned line. For assistive technology the code becomes a listbox: one group per
// instruction, whose options are the instruction (its gutter marker) and each of its flags and commands.
// The other explainer-*.js files add to it (they load after this one, all before the page is ready):
// structure (the listbox), place (beside the code or a bottom sheet), views (annotated view, large type,
// stepping through the build) and learn (Apply fix, the quiz). Plugins run once per explainer.
(function () {
  'use strict';

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function slice(list) { return Array.prototype.slice.call(list); }

  function Explainer(root) {
    this.root = root;
    this.code = root.querySelector('.explainer-code');
    this.panel = root.querySelector('[data-explainer-panel]');
    this.notes = slice(root.querySelectorAll('.explainer-note'));
    this.lines = slice(root.querySelectorAll('.explainer-code .line'));
    this.byInstruction = [];
    this.options = [];   // per instruction: its option element
    this.groups = [];    // per instruction: the group element that holds its lines
    this.parts = [];     // per instruction: [{key, spans, option, entryKey}]
    this.active = -1;
    this.part = -1;
    this.pinned = false;
    this.revealed = {};
    if (!this.code || !this.panel || this.notes.length === 0) return;
    var self = this;
    this.lines.forEach(function (line) {
      var k = line.getAttribute('data-instruction');
      if (k === null) return;
      (self.byInstruction[k] = self.byInstruction[k] || []).push(line);
    });
    // Enhanced first: that hides the no-script list of every note, which the panel replaces. Building the
    // listbox and the panel reads layout, and with the list still shown the browser would lay out every note
    // once for nothing (seconds for a few hundred instructions).
    root.classList.add('is-enhanced');
    try {
      this.buildListbox();
      this.buildPanel();
    } catch (e) {
      root.classList.remove('is-enhanced'); // the notes stay readable
      throw e;
    }
    this.layout();
    if (window.ResizeObserver) new ResizeObserver(function () { self.layout(); }).observe(root);
    this.bind();
    plugins.forEach(function (plugin) { plugin(self); });
  }
  var plugins = [];

  // The title a reader knows the block by: its caption without the badges.
  function titleOf(root) {
    var caption = root.querySelector('.code-title');
    var text = caption && caption.firstChild && caption.firstChild.nodeType === 3 ? caption.firstChild.data.trim() : '';
    return text || 'Dockerfile';
  }
  Explainer.prototype.title = function () { return titleOf(this.root); };

  Explainer.prototype.buildPanel = function () {
    var self = this;
    var panel = this.panel;
    panel.removeAttribute('aria-live');
    panel.setAttribute('role', 'region');
    // Landmarks need distinct names when a lesson has several explainers: each is named after its block.
    var all = slice(document.querySelectorAll('[data-explainer]'));
    var before = all.slice(0, all.indexOf(this.root)).filter(function (r) { return titleOf(r) === this.title(); }, this);
    panel.setAttribute('aria-label', 'Explanation of ' + this.title() + (before.length ? ' (' + (before.length + 1) + ')' : ''));
    panel.id = panel.id || this.root.id + '-panel';
    this.code.setAttribute('aria-controls', panel.id);
    panel.innerHTML = '';
    var bar = el('div', 'panel-bar');
    this.status = el('p', 'panel-status');
    this.closeButton = el('button', 'panel-close');
    this.closeButton.type = 'button';
    this.closeButton.innerHTML = '<span aria-hidden="true">\u00d7</span> Close';
    this.closeButton.setAttribute('aria-label', 'Close the explanation');
    this.closeButton.addEventListener('click', function () { self.close(); });
    // The title row stays in view while the panel scrolls: which line this is, and Close.
    this.heading = el('div', 'panel-heading');
    // In a bottom sheet: a handle that lets the sheet take most of the screen, and back.
    this.grow = el('button', 'panel-grow', 'Expand');
    this.grow.type = 'button';
    this.grow.setAttribute('aria-expanded', 'false');
    this.grow.addEventListener('click', function () {
      var full = self.root.classList.toggle('is-sheet-full');
      self.grow.setAttribute('aria-expanded', String(full));
      self.grow.textContent = full ? 'Shrink' : 'Expand';
      self.updateSheet();
      self.reveal();
    });
    bar.appendChild(this.heading);
    bar.appendChild(this.status);
    bar.appendChild(this.grow);
    bar.appendChild(this.closeButton);
    this.body = el('div', 'panel-body');
    this.body.tabIndex = -1;
    panel.appendChild(bar);
    panel.appendChild(this.body);
    panel.hidden = false;
    this.render();
  };

  // ---------- what the panel shows ----------

  Explainer.prototype.render = function () {
    var hadFocus = this.panel.contains(document.activeElement) && document.activeElement !== this.body;
    var k = this.active;
    this.body.innerHTML = '';
    this.heading.innerHTML = '';
    this.root.classList.toggle('is-pinned', this.pinned && k >= 0);
    this.root.classList.toggle('is-showing', k >= 0);
    if (k < 0) {
      this.status.textContent = '';
      this.body.appendChild(el('p', 'panel-intro',
        'Point at a line, tap it, or focus the code and use \u2191 \u2193 \u2190 \u2192 to see what each instruction, flag and command does.'));
    } else {
      var heading = this.notes[k].querySelector('.note-heading');
      if (heading) this.heading.appendChild(heading.cloneNode(true));
      if (this.hidesAnswers(k)) {
        this.askPrediction(k);
      } else {
        var copy = el('div', 'panel-note'); // a div, not the list item itself: the panel is not a list
        slice(this.notes[k].childNodes).forEach(function (child) {
          if (!child.classList || !child.classList.contains('note-heading')) copy.appendChild(child.cloneNode(true));
        });
        this.body.appendChild(copy);
        this.status.textContent = this.pinned ? 'Pinned' : (this.sheet ? 'Tap the line or press Enter to pin' : 'Click or press Enter to pin');
      }
    }
    this.panel.scrollTop = 0;
    this.root.dispatchEvent(new CustomEvent('explainer:render', { detail: { index: k, body: this.body } }));
    this.updateSheet();
    this.align();
    this.markPart();
    if (hadFocus) this.focusCode();
  };

  Explainer.prototype.askPrediction = function (k) {
    var self = this;
    var box = el('div', 'panel-note panel-predict');
    box.appendChild(el('p', null, 'What do you think this line does? Say it to yourself (or a neighbour), then reveal.'));
    var button = el('button', 'button button-primary', 'Reveal the explanation');
    button.type = 'button';
    button.addEventListener('click', function () {
      self.revealAnswer(k);
      // The button is gone: reading goes on in the explanation it revealed.
      self.body.focus({ preventScroll: true });
    });
    box.appendChild(button);
    this.body.appendChild(box);
    this.status.textContent = this.pinned ? 'Pinned' : '';
  };

  // "Predict, then reveal": until the learner reveals a line, nothing names what it does.
  Explainer.prototype.hidesAnswers = function (k) {
    return this.root.hasAttribute('data-predict') && !this.revealed[k];
  };

  Explainer.prototype.revealAnswer = function (k) {
    this.revealed[k] = true;
    (this.parts[k] || []).forEach(function (p) { p.option.setAttribute('aria-label', p.label); });
    this.options[k].setAttribute('aria-label', this.optionLabel(k));
    this.dirty = true;
    this.render();
    this.announce();
  };

  Explainer.prototype.show = function (k, part) {
    part = part === undefined ? -1 : part;
    var force = this.dirty;
    this.dirty = false;
    if (k === this.active && part === this.part && !force) return;
    var self = this;
    if (this.active >= 0) {
      (this.byInstruction[this.active] || []).forEach(function (l) { l.classList.remove('is-active'); });
      if (this.options[this.active]) this.options[this.active].setAttribute('aria-selected', 'false');
    }
    var changed = k !== this.active;
    this.active = k;
    this.part = k >= 0 ? Math.min(part, (this.parts[k] || []).length - 1) : -1;
    if (k >= 0) {
      (this.byInstruction[k] || []).forEach(function (l) { l.classList.add('is-active'); });
      if (this.options[k]) this.options[k].setAttribute('aria-selected', 'true');
    }
    if (changed || force) this.render(); else this.markPart();
    self.updateActiveDescendant();
  };

  Explainer.prototype.updateActiveDescendant = function () {
    var k = this.active;
    var target = k < 0 ? null : (this.part >= 0 ? this.parts[k][this.part].option : this.options[k]);
    if (target) this.code.setAttribute('aria-activedescendant', target.id);
    else this.code.removeAttribute('aria-activedescendant');
  };

  // Highlights the current flag or command in the code and its entry in the panel.
  Explainer.prototype.markPart = function () {
    var self = this;
    slice(this.code.querySelectorAll('.part.is-current, .part-cue.is-current')).forEach(function (s) { s.classList.remove('is-current'); });
    slice(this.code.querySelectorAll('.part-cue[aria-selected="true"]')).forEach(function (s) { s.setAttribute('aria-selected', 'false'); });
    slice(this.body.querySelectorAll('.note-part.is-current')).forEach(function (s) { s.classList.remove('is-current'); });
    if (this.active < 0 || this.part < 0) return;
    var part = this.parts[this.active][this.part];
    part.spans.forEach(function (s) { s.classList.add('is-current'); });
    part.option.classList.add('is-current');
    part.option.setAttribute('aria-selected', 'true');
    var entry = this.body.querySelector('[data-part="' + part.key + '"]');
    if (entry) {
      entry.classList.add('is-current');
      this.scrollPanelTo(entry);
    }
    self.updateActiveDescendant();
  };

  Explainer.prototype.announce = function () {
    var k = this.active;
    if (k < 0) { this.live.textContent = ''; return; }
    var note = this.notes[k];
    var text;
    if (this.part >= 0) {
      text = this.parts[k][this.part].option.getAttribute('aria-label');
    } else if (this.hidesAnswers(k)) {
      text = note.getAttribute('aria-label') + '. Predict first: Tab to Reveal the explanation, or press Enter.';
    } else {
      var summary = note.querySelector('.note-summary');
      var topics = this.warningTopics(note);
      text = note.getAttribute('aria-label') + '. ' + (summary ? summary.textContent : '')
        + (topics.length ? ' ' + plural(topics.length, 'warning') + ': ' + topics.join(', ') + '.' : '');
    }
    this.live.textContent = text + (this.pinned && this.part < 0 ? ' Pinned.' : '');
  };


  // ---------- pinning ----------

  Explainer.prototype.pin = function (k, part, options) {
    options = options || {};
    this.pinned = k >= 0;
    this.dirty = true;
    this.show(k, part);
    var line = k >= 0 ? parseInt(this.notes[k].id.replace(/^.*-L/, ''), 10) : null;
    this.root.dispatchEvent(new CustomEvent('explainer:pin', { bubbles: true, detail: { line: line } }));
    if (k >= 0 && history.replaceState && !this.root.closest('[data-explainer-url="off"]')) {
      history.replaceState(null, '', '#' + this.notes[k].id);
    }
    if (!options.quiet) this.announce();
    if (options.reveal !== false) this.reveal();
  };

  Explainer.prototype.unpin = function (quiet) {
    var hadFocus = this.panel.contains(document.activeElement);
    this.pinned = false;
    this.keyboard = false;
    this.dirty = true;
    this.show(-1);
    this.root.dispatchEvent(new CustomEvent('explainer:pin', { bubbles: true, detail: { line: null } }));
    if (history.replaceState && location.hash.indexOf('#' + this.root.id + '-') === 0) {
      history.replaceState(null, '', location.pathname + location.search);
    }
    if (!quiet) this.live.textContent = 'Explanation closed.';
    if (hadFocus) this.focusCode();
  };

  // Back to the code without the focus handler opening the first instruction again.
  Explainer.prototype.focusCode = function () {
    this.returning = true;
    this.code.focus({ preventScroll: true });
    this.returning = false;
  };

  // The Close button and Escape: focus goes back to the code, never to the page.
  Explainer.prototype.close = function () {
    this.unpin();
    this.focusCode();
  };

  Explainer.prototype.move = function (delta, absolute) {
    var n = this.notes.length;
    var k = absolute !== undefined ? absolute : (this.active < 0 ? (delta > 0 ? 0 : n - 1) : this.active + delta);
    k = Math.max(0, Math.min(n - 1, k));
    this.keyboard = true;
    if (this.pinned) {
      this.pin(k, -1);
    } else {
      this.show(k, -1);
      this.updateSheet();
      this.announce();
      this.reveal();
    }
  };

  Explainer.prototype.movePart = function (delta) {
    if (this.active < 0) { this.move(1); return; }
    var count = (this.parts[this.active] || []).length;
    var next = Math.max(-1, Math.min(count - 1, this.part + delta));
    if (next === this.part) return;
    this.part = next;
    this.markPart();
    this.announce();
    this.reveal();
  };

  Explainer.prototype.openFragment = function (hash) {
    var m = /^#(.+)-L(\d+)$/.exec(hash || '');
    if (!m || m[1] !== this.root.id) return false;
    var line = parseInt(m[2], 10);
    for (var k = 0; k < this.notes.length; k++) {
      var start = parseInt(this.notes[k].getAttribute('data-start'), 10);
      var end = parseInt(this.notes[k].getAttribute('data-end'), 10);
      if (line >= start && line <= end) {
        this.pin(k, -1, { quiet: true, reveal: false });
        var first = (this.byInstruction[k] || [])[0];
        if (first) first.scrollIntoView({ block: 'center', behavior: 'instant' });
        this.reveal();
        return true;
      }
    }
    return false;
  };

  var explainers = [];
  function init(scope) {
    explainers = explainers.filter(function (x) { return document.documentElement.contains(x.root); });
    if (api.forgetSheet) api.forgetSheet(explainers);
    slice((scope || document).querySelectorAll('[data-explainer]')).forEach(function (root) {
      if (root.__explainer) return;
      root.__explainer = new Explainer(root);
      explainers.push(root.__explainer);
    });
    explainers.forEach(function (x) { if (x.notes.length && x.code) x.openFragment(location.hash); });
  }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }
  window.addEventListener('hashchange', function () {
    explainers.forEach(function (x) { if (x.code) x.openFragment(location.hash); });
  });
  var api = window.DockerfileExplainer = {
    init: init, Explainer: Explainer, el: el, slice: slice, plural: plural,
    plugin: function (fn) { plugins.push(fn); }
  };
  // The other explainer-*.js files are deferred too and run before DOMContentLoaded; start after them.
  function start() { init(); }
  if (document.readyState === 'complete') start();
  else {
    document.addEventListener('DOMContentLoaded', start);
    window.addEventListener('load', start);
  }
})();
