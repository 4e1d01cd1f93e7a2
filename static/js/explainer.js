// The line-by-line Dockerfile explainer. Server-rendered HTML already holds every explanation
// (in .explainer-notes); this script turns it into an interactive panel: hover previews, click/tap
// or Enter pins (a second tap closes), Escape or the Close button unpins, arrows move between
// instructions and, left/right, between the flags and commands inside one; #dockerfile-N-L10 links
// open a pinned line. For assistive technology the code becomes a listbox: one group per
// instruction, whose options are the instruction (its gutter marker) and each of its flags and commands.
// Where there is room the panel sits beside the code; otherwise it is a bottom sheet, and the page
// scrolls so the active line stays visible above it.
(function () {
  'use strict';

  var BESIDE_MIN_WIDTH = 640; // px of the explainer's own width
  var openSheet = null;       // the explainer whose bottom sheet is open (one at a time)

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
    this.buildListbox();
    this.buildPanel();
    root.classList.add('is-enhanced');
    this.layout();
    if (window.ResizeObserver) new ResizeObserver(function () { self.layout(); }).observe(root);
    this.bind();
  }

  // ---------- structure for assistive technology ----------

  Explainer.prototype.buildListbox = function () {
    var self = this;
    var id = this.root.id;
    var code = this.code;
    code.setAttribute('role', 'listbox');
    code.setAttribute('tabindex', '0');
    code.setAttribute('aria-label', code.getAttribute('data-label') || 'Dockerfile');
    var keys = el('span', 'visually-hidden',
      'Up and down arrows move between instructions, left and right arrows between the flags and commands of one, '
      + 'Enter pins the explanation, Escape closes it.');
    keys.id = id + '-keys';
    this.root.appendChild(keys);
    code.setAttribute('aria-describedby', keys.id);
    var inner = code.querySelector('code');
    if (inner) inner.setAttribute('role', 'presentation');
    // Inside the listbox the warning count is part of each instruction's name; a marker would be an
    // image among options, which a listbox may not hold.
    slice(code.querySelectorAll('.gutter-marker')).forEach(function (m) { m.setAttribute('aria-hidden', 'true'); });
    this.notes.forEach(function (note, k) {
      var lines = self.byInstruction[k] || [];
      if (!lines.length) return;
      var group = el('span', 'explainer-instruction');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', note.getAttribute('aria-label'));
      lines[0].parentNode.insertBefore(group, lines[0]);
      lines.forEach(function (line) { group.appendChild(line); });
      var head = lines.filter(function (l) { return !l.hasAttribute('data-comment'); })[0] || lines[0];
      head.setAttribute('data-head', '');
      var option = el('span', 'explain-cue');
      option.id = id + '-o' + k;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.setAttribute('aria-label', self.optionLabel(k, lines, note));
      head.insertBefore(option, head.firstChild);
      self.options[k] = option;
      self.parts[k] = self.wrapParts(k, note);
    });
    this.live = el('p', 'visually-hidden');
    this.live.setAttribute('role', 'status');
    this.root.appendChild(this.live);
  };

  Explainer.prototype.optionLabel = function (k, lines, note) {
    var text = lines.filter(function (l) { return !l.hasAttribute('data-comment'); })
      .map(function (l) { var c = l.querySelector('.line-code'); return c ? c.textContent.replace(/[\\`]\s*$/, '') : ''; })
      .join(' ').replace(/\s+/g, ' ').trim();
    if (text.length > 160) text = text.slice(0, 159) + '\u2026';
    var warnings = this.warningCount(note);
    return note.getAttribute('aria-label') + ': ' + text + (warnings ? ', ' + plural(warnings, 'warning') : '');
  };

  Explainer.prototype.warningCount = function (note) {
    return note.querySelectorAll('.note-warnings .severity-warning, .note-warnings .severity-error').length;
  };

  // Wraps each flag and command of instruction k in the code (columns from data-span) so it can be
  // pointed at, and makes its first piece an option named after its panel entry.
  Explainer.prototype.wrapParts = function (k, note) {
    var self = this;
    var parts = [];
    slice(note.querySelectorAll('[data-part][data-span]')).forEach(function (entry) {
      var key = entry.getAttribute('data-part');
      var spans = [];
      entry.getAttribute('data-span').split(',').forEach(function (seg) {
        var m = /^(\d+):(\d+)-(\d+)$/.exec(seg);
        if (!m) return;
        var line = self.code.querySelector('.line[data-line="' + m[1] + '"] .line-code');
        if (line) spans = spans.concat(wrapColumns(line, +m[2], +m[3], k + '-' + key));
      });
      if (!spans.length) return;
      var option = spans[0];
      option.id = self.root.id + '-p' + k + '-' + key;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.setAttribute('aria-label', partLabel(entry));
      parts.push({ key: key, spans: spans, option: option });
    });
    return parts;
  };

  // "--mount=type=cache: Mounts something into the build container for this one command only."
  function partLabel(entry) {
    var name = entry.querySelector('code');
    var all = entry.textContent.replace(/\s+/g, ' ').trim();
    if (!name) return all;
    var what = name.textContent.trim();
    var rest = all.slice(all.indexOf(what) + what.length).trim();
    var sentence = /^.*?[.!?](?=\s|$)/.exec(rest);
    return what + ': ' + (sentence ? sentence[0] : rest);
  }

  // Wraps the text between two columns of an element in spans, splitting text nodes as needed (the
  // range may cross highlighting tokens).
  function wrapColumns(container, start, end, key) {
    var made = [];
    var offset = 0;
    var walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var from = offset;
      var to = offset + node.data.length;
      offset = to;
      var a = Math.max(start, from);
      var b = Math.min(end, to);
      if (a >= b) return;
      var target = node;
      if (a > from) target = target.splitText(a - from);
      if (b < to) target.splitText(b - a);
      var span = el('span', 'part');
      span.setAttribute('data-part', key);
      target.parentNode.insertBefore(span, target);
      span.appendChild(target);
      made.push(span);
    });
    return made;
  }

  Explainer.prototype.buildPanel = function () {
    var self = this;
    var panel = this.panel;
    panel.removeAttribute('aria-live');
    panel.setAttribute('role', 'region');
    // Landmarks need distinct names when a lesson has several explainers.
    var nth = slice(document.querySelectorAll('[data-explainer]')).indexOf(this.root) + 1;
    panel.setAttribute('aria-label', 'Explanation' + (nth > 1 ? ' ' + nth : ''));
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
    bar.appendChild(this.status);
    bar.appendChild(this.closeButton);
    this.body = el('div', 'panel-body');
    this.body.tabIndex = -1;
    panel.appendChild(bar);
    panel.appendChild(this.body);
    panel.hidden = false;
    this.render();
  };

  // ---------- layout: beside the code, or a bottom sheet ----------

  Explainer.prototype.layout = function () {
    // In an embed frame (as tall as its content) a sheet fixed to the frame's bottom could be far off
    // the host page's screen: there the panel stays under the code.
    var embedded = !!this.root.closest('.embed-body');
    var beside = this.root.clientWidth >= BESIDE_MIN_WIDTH;
    var sheet = !embedded && !beside;
    this.root.classList.toggle('is-stacked', embedded && !beside);
    this.root.classList.toggle('is-beside', beside);
    this.root.classList.toggle('is-sheet', sheet);
    this.sheet = sheet;
    this.updateSheet();
  };

  Explainer.prototype.sheetOpen = function () {
    return this.sheet && this.active >= 0 && (this.pinned || this.keyboard);
  };

  Explainer.prototype.updateSheet = function () {
    var open = this.sheetOpen();
    this.root.classList.toggle('is-sheet-open', open);
    if (open && openSheet && openSheet !== this) openSheet.unpin(true);
    if (open) openSheet = this;
    else if (openSheet === this) openSheet = null;
    var docEl = document.documentElement;
    docEl.classList.toggle('has-explainer-sheet', !!openSheet);
    if (openSheet) docEl.style.setProperty('--sheet-space', openSheet.panel.offsetHeight + 'px');
  };

  function headerBottom() {
    var header = document.querySelector('.site-header');
    if (!header) return 0;
    var style = getComputedStyle(header);
    return style.position === 'sticky' || style.position === 'fixed' ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }

  // Scrolls the page so the active instruction is in view: below the sticky header and, in sheet
  // mode, above the sheet. A long instruction shows from its first line.
  Explainer.prototype.reveal = function () {
    var lines = this.byInstruction[this.active] || [];
    if (!lines.length) return;
    var top = headerBottom() + 8;
    var bottom = window.innerHeight - (this.sheetOpen() ? this.panel.offsetHeight : 0) - 8;
    var first = lines[0].getBoundingClientRect();
    var last = lines[lines.length - 1].getBoundingClientRect();
    var focusLine = this.part >= 0 ? this.parts[this.active][this.part].spans[0].getBoundingClientRect() : null;
    var delta = 0;
    if (last.bottom - first.top > bottom - top) {
      delta = (focusLine && focusLine.bottom > bottom ? focusLine.top - top : first.top - top);
    } else if (first.top < top) {
      delta = first.top - top;
    } else if (last.bottom > bottom) {
      delta = last.bottom - bottom;
    }
    if (delta) window.scrollBy({ top: delta, left: 0, behavior: 'instant' });
    // Beside the code, the panel may still sit low (it sticks below the header only once the page has
    // scrolled to it): scroll on while the line stays in view, until what it explains can be read.
    var target = this.panelTarget();
    if (!this.sheet) this.panel.scrollTop = 0;
    for (var i = 0; i < 3 && target && !this.sheet; i++) {
      var t = target.getBoundingClientRect();
      if (t.top + Math.min(t.height, 120) <= window.innerHeight - 8) break;
      var unstuck = this.panel.getBoundingClientRect().top - (headerBottom() + 12);
      var room = lines[0].getBoundingClientRect().top - top;
      var step = Math.min(unstuck, room);
      if (step < 1) break;
      window.scrollBy({ top: step, left: 0, behavior: 'instant' });
    }
    if (target) this.scrollPanelTo(target);
  };

  // What the panel should show first: the current flag or command's entry, else the summary.
  Explainer.prototype.panelTarget = function () {
    return this.body.querySelector('.note-part.is-current') || this.body.querySelector('.note-summary')
      || this.body.firstElementChild;
  };

  // Scrolls the panel itself (never the page) so the element is in its visible part.
  Explainer.prototype.scrollPanelTo = function (element) {
    var box = this.panel.getBoundingClientRect();
    var bar = this.panel.querySelector('.panel-bar');
    // Below the panel's sticky bar (and its border), above its bottom edge and the screen's.
    var visibleTop = Math.max(bar && bar.offsetHeight ? bar.getBoundingClientRect().bottom : box.top + this.panel.clientTop,
      headerBottom());
    var visibleBottom = Math.min(box.bottom, window.innerHeight);
    var r = element.getBoundingClientRect();
    if (r.bottom > visibleBottom) {
      this.panel.scrollTop += Math.max(0, Math.min(r.bottom - visibleBottom + 8, r.top - visibleTop - 12));
    } else if (r.top < visibleTop) {
      this.panel.scrollTop -= visibleTop - r.top + 12;
    }
  };

  // ---------- what the panel shows ----------

  Explainer.prototype.render = function () {
    var hadFocus = this.panel.contains(document.activeElement) && document.activeElement !== this.body;
    var k = this.active;
    this.body.innerHTML = '';
    this.root.classList.toggle('is-pinned', this.pinned && k >= 0);
    this.root.classList.toggle('is-showing', k >= 0);
    if (k < 0) {
      this.status.textContent = '';
      this.body.appendChild(el('p', 'panel-intro',
        'Point at a line, tap it, or focus the code and use \u2191 \u2193 \u2190 \u2192 to see what each instruction, flag and command does.'));
    } else if (this.root.hasAttribute('data-predict') && !this.revealed[k]) {
      this.askPrediction(k);
    } else {
      var copy = el('div', 'panel-note'); // a div, not the list item itself: the panel is not a list
      slice(this.notes[k].childNodes).forEach(function (child) { copy.appendChild(child.cloneNode(true)); });
      this.body.appendChild(copy);
      this.status.textContent = this.pinned ? 'Pinned' : (this.sheet ? 'Tap the line or press Enter to pin' : 'Click or press Enter to pin');
    }
    this.panel.scrollTop = 0;
    this.updateSheet();
    this.markPart();
    if (hadFocus) this.focusCode();
  };

  Explainer.prototype.askPrediction = function (k) {
    var self = this;
    var box = el('div', 'panel-note panel-predict');
    var heading = this.notes[k].querySelector('.note-heading');
    if (heading) box.appendChild(heading.cloneNode(true));
    box.appendChild(el('p', null, 'What do you think this line does? Say it to yourself (or a neighbour), then reveal.'));
    var button = el('button', 'button button-primary', 'Reveal the explanation');
    button.type = 'button';
    button.addEventListener('click', function () {
      self.revealed[k] = true;
      self.render();
      // The button is gone: reading goes on in the explanation it revealed.
      self.body.focus({ preventScroll: true });
      self.announce();
    });
    box.appendChild(button);
    this.body.appendChild(box);
    this.status.textContent = this.pinned ? 'Pinned' : '';
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
    slice(this.code.querySelectorAll('.part.is-current')).forEach(function (s) { s.classList.remove('is-current'); });
    slice(this.code.querySelectorAll('.part[aria-selected="true"]')).forEach(function (s) { s.setAttribute('aria-selected', 'false'); });
    slice(this.body.querySelectorAll('.note-part.is-current')).forEach(function (s) { s.classList.remove('is-current'); });
    if (this.active < 0 || this.part < 0) return;
    var part = this.parts[this.active][this.part];
    part.spans.forEach(function (s) { s.classList.add('is-current'); });
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
    } else {
      var summary = note.querySelector('.note-summary');
      var warnings = this.warningCount(note);
      text = note.getAttribute('aria-label') + '. ' + (summary ? summary.textContent : '')
        + (warnings ? ' ' + plural(warnings, 'warning') + '.' : '')
        + (this.root.hasAttribute('data-predict') && !this.revealed[k] ? ' Predict, then reveal.' : '');
    }
    this.live.textContent = text + (this.pinned && this.part < 0 ? ' Pinned.' : '');
  };

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

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

  // ---------- events ----------

  Explainer.prototype.partAt = function (node) {
    var span = node && node.closest ? node.closest('.part') : null;
    if (!span) return -1;
    var k = this.instructionAt(span);
    var key = span.getAttribute('data-part').replace(/^\d+-/, '');
    var parts = this.parts[k] || [];
    for (var p = 0; p < parts.length; p++) if (parts[p].key === key) return p;
    return -1;
  };

  Explainer.prototype.instructionAt = function (node) {
    var line = node && node.closest ? node.closest('.line') : null;
    if (!line || !this.code.contains(line)) return -1;
    var k = line.getAttribute('data-instruction');
    return k === null ? -1 : parseInt(k, 10);
  };

  Explainer.prototype.bind = function () {
    var self = this;
    var code = this.code;
    var lastPointer = 'mouse';
    var pressing = false; // focus that comes with a click or tap is not a keyboard visit
    code.addEventListener('pointerdown', function (e) {
      lastPointer = e.pointerType || 'mouse';
      pressing = true;
      setTimeout(function () { pressing = false; }, 600);
    });
    code.addEventListener('mouseover', function (e) {
      if (lastPointer !== 'mouse') return; // touch sends compatibility mouse events: taps are clicks
      var k = self.instructionAt(e.target);
      var part = self.partAt(e.target);
      self.hovered(k);
      if (self.pinned || self.sheet) return; // a narrow page does not open the sheet on hover
      if (k >= 0) self.show(k, part);
    });
    // Hoverable (WCAG 1.4.13): leaving the code starts a short grace period, so the pointer can travel
    // to the panel (to read it, or to press a button in it) without the explanation disappearing.
    var leaveTimer = null;
    function leaveSoon() {
      clearTimeout(leaveTimer);
      self.hovered(-1);
      leaveTimer = setTimeout(function () {
        if (!self.pinned && !self.keyboard && !self.sheet) self.show(-1);
      }, 400);
    }
    code.addEventListener('mouseleave', leaveSoon);
    code.addEventListener('mouseenter', function () { clearTimeout(leaveTimer); });
    this.panel.addEventListener('mouseenter', function () { clearTimeout(leaveTimer); });
    this.panel.addEventListener('mouseleave', function () { if (!self.sheet) leaveSoon(); });
    code.addEventListener('click', function (e) {
      var k = self.instructionAt(e.target);
      if (k < 0) return;
      var part = self.partAt(e.target);
      if (self.pinned && self.active === k && (part < 0 || part === self.part)) {
        self.unpin(); // a second tap (or click) on the pinned instruction closes it
      } else {
        self.pin(k, part, { reveal: lastPointer !== 'mouse' || self.sheet });
      }
      lastPointer = 'mouse';
    });
    code.addEventListener('focus', function () {
      if (self.active < 0 && !pressing && !self.returning) { self.keyboard = true; self.show(0, -1); self.updateSheet(); self.announce(); self.reveal(); }
    });
    code.addEventListener('blur', function (e) {
      // Moving into the panel (Tab to its links) keeps it; elsewhere, a keyboard preview ends.
      if (self.pinned || self.root.contains(e.relatedTarget)) return;
      self.keyboard = false;
      if (self.sheet) self.show(-1); else self.updateSheet();
    });
    code.addEventListener('keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      switch (e.key) {
        case 'ArrowDown': case 'j': self.move(1); break;
        case 'ArrowUp': case 'k': self.move(-1); break;
        case 'ArrowRight': case 'l': self.movePart(1); break;
        case 'ArrowLeft': case 'h': self.movePart(-1); break;
        case 'Home': self.move(0, 0); break;
        case 'End': self.move(0, self.notes.length - 1); break;
        case 'Enter': case ' ': self.keyboard = true; self.pin(self.active < 0 ? 0 : self.active, self.part); break;
        case 'Escape':
          if (self.active < 0) return;
          self.unpin();
          break;
        default: return;
      }
      e.preventDefault();
    });
    this.panel.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        e.preventDefault();
        self.close();
      }
    });
    this.panel.addEventListener('click', function (e) {
      // The "Line N · X" link names the line that is already shown: keep it, and keep focus on the code.
      var link = e.target.closest && e.target.closest('.note-heading a');
      if (!link) return;
      e.preventDefault();
      self.keyboard = true;
      self.pin(self.active, -1);
      self.focusCode();
    });
    this.panel.addEventListener('mouseover', function (e) {
      var entry = e.target.closest && e.target.closest('.note-part');
      self.previewPart(entry ? entry.getAttribute('data-part') : null);
    });
    this.panel.addEventListener('mouseleave', function () { self.previewPart(null); });
  };

  // The pointer rests on an instruction: a lighter highlight than the active one (and than a pin).
  Explainer.prototype.hovered = function (k) {
    if (k === this.hoveredIndex) return;
    (this.byInstruction[this.hoveredIndex] || []).forEach(function (l) { l.classList.remove('is-hovered'); });
    this.hoveredIndex = k;
    (this.byInstruction[k] || []).forEach(function (l) { l.classList.add('is-hovered'); });
  };

  // Pointing at a flag or command in the panel shows where it is written.
  Explainer.prototype.previewPart = function (key) {
    slice(this.code.querySelectorAll('.part.is-previewed')).forEach(function (s) { s.classList.remove('is-previewed'); });
    if (key && this.active >= 0) {
      slice(this.code.querySelectorAll('.part[data-part="' + this.active + '-' + key + '"]'))
        .forEach(function (s) { s.classList.add('is-previewed'); });
    }
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
    if (openSheet && !document.documentElement.contains(openSheet.root)) {
      openSheet = null;
      document.documentElement.classList.remove('has-explainer-sheet');
    }
    slice((scope || document).querySelectorAll('[data-explainer]')).forEach(function (root) {
      if (root.__explainer) return;
      root.__explainer = new Explainer(root);
      explainers.push(root.__explainer);
    });
    explainers.forEach(function (x) { if (x.notes.length && x.code) x.openFragment(location.hash); });
  }
  window.addEventListener('hashchange', function () {
    explainers.forEach(function (x) { if (x.code) x.openFragment(location.hash); });
  });
  window.DockerfileExplainer = { init: init };
  function start() { init(); }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
