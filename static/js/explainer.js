// The line-by-line Dockerfile explainer. Server-rendered HTML already holds every explanation
// (in .explainer-notes); this script turns it into an interactive panel: hover previews, click/tap
// or Enter pins, Escape unpins, arrows move, and #dockerfile-N-L10 links open a pinned line.
(function () {
  'use strict';

  function Explainer(root) {
    this.root = root;
    this.code = root.querySelector('.explainer-code');
    this.panel = root.querySelector('[data-explainer-panel]');
    this.notes = Array.prototype.slice.call(root.querySelectorAll('.explainer-note'));
    this.lines = Array.prototype.slice.call(root.querySelectorAll('.explainer-code .line'));
    this.byInstruction = [];
    this.active = -1;
    this.pinned = false;
    this.revealed = {};
    if (!this.code || !this.panel || this.notes.length === 0) return;
    var self = this;
    this.lines.forEach(function (line) {
      var k = line.getAttribute('data-instruction');
      if (k === null) return;
      (self.byInstruction[k] = self.byInstruction[k] || []).push(line);
    });
    root.classList.add('is-enhanced');
    this.panel.hidden = false;
    this.showIntro();
    this.bind();
  }

  Explainer.prototype.showIntro = function () {
    this.panel.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'panel-intro';
    p.textContent = 'Point at a line, tap it, or focus the code and use \u2191 \u2193 to see what each instruction does.';
    this.panel.appendChild(p);
  };

  Explainer.prototype.askPrediction = function (k, note) {
    var self = this;
    var heading = note.querySelector('.note-heading');
    this.panel.innerHTML = '';
    var box = document.createElement('div');
    box.className = 'panel-note panel-predict';
    if (heading) box.appendChild(heading.cloneNode(true));
    var ask = document.createElement('p');
    ask.textContent = 'What do you think this line does? Say it to yourself (or a neighbour), then reveal.';
    box.appendChild(ask);
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-primary';
    button.textContent = 'Reveal the explanation';
    button.addEventListener('click', function () {
      self.revealed[k] = true;
      self.show(k, true);
    });
    box.appendChild(button);
    this.panel.appendChild(box);
    this.root.classList.toggle('is-pinned', this.pinned);
  };

  Explainer.prototype.lineOf = function (node) {
    while (node && node !== this.code) {
      if (node.classList && node.classList.contains('line')) return node;
      node = node.parentNode;
    }
    return null;
  };

  Explainer.prototype.instructionAt = function (node) {
    var line = this.lineOf(node);
    if (!line) return -1;
    var k = line.getAttribute('data-instruction');
    return k === null ? -1 : parseInt(k, 10);
  };

  Explainer.prototype.show = function (k, force) {
    if (k === this.active && !force) return;
    var self = this;
    if (this.active >= 0) {
      (this.byInstruction[this.active] || []).forEach(function (l) { l.classList.remove('is-active'); });
    }
    this.active = k;
    if (k < 0) {
      this.showIntro();
      this.code.removeAttribute('aria-describedby');
      return;
    }
    (this.byInstruction[k] || []).forEach(function (l) { l.classList.add('is-active'); });
    var note = this.notes[k];
    if (this.root.hasAttribute('data-predict') && !this.revealed[k]) {
      this.askPrediction(k, note);
      return;
    }
    // A div, not the list item itself: the panel is not a list.
    var copy = document.createElement('div');
    copy.className = 'panel-note';
    Array.prototype.forEach.call(note.childNodes, function (child) { copy.appendChild(child.cloneNode(true)); });
    this.panel.innerHTML = '';
    this.panel.appendChild(copy);
    var status = document.createElement('p');
    status.className = 'panel-status';
    status.textContent = this.pinned ? 'Pinned \u00b7 Esc to close' : 'Click or press Enter to pin';
    this.panel.insertBefore(status, this.panel.firstChild);
    this.root.classList.toggle('is-pinned', this.pinned);
    self.code.setAttribute('aria-describedby', note.id);
  };

  Explainer.prototype.pin = function (k, fromTouch) {
    this.pinned = k >= 0;
    this.show(k, true);
    var line = k >= 0 ? parseInt(this.notes[k].id.replace(/^.*-L/, ''), 10) : null;
    this.root.dispatchEvent(new CustomEvent('explainer:pin', { bubbles: true, detail: { line: line } }));
    if (k >= 0 && history.replaceState && !this.root.closest('[data-explainer-url="off"]')) {
      history.replaceState(null, '', '#' + this.notes[k].id);
    }
    if (fromTouch && k >= 0) {
      var rect = this.panel.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > window.innerHeight) {
        this.panel.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
      }
    }
  };

  Explainer.prototype.unpin = function () {
    this.pinned = false;
    this.root.classList.remove('is-pinned');
    this.show(-1);
    this.root.dispatchEvent(new CustomEvent('explainer:pin', { bubbles: true, detail: { line: null } }));
    if (history.replaceState && location.hash.indexOf('#' + this.root.id + '-') === 0) {
      history.replaceState(null, '', location.pathname + location.search);
    }
  };

  Explainer.prototype.move = function (delta, absolute) {
    var n = this.notes.length;
    var k = absolute !== undefined ? absolute : (this.active < 0 ? (delta > 0 ? 0 : n - 1) : this.active + delta);
    k = Math.max(0, Math.min(n - 1, k));
    if (this.pinned) {
      this.pin(k);
    } else {
      this.show(k);
    }
    var first = (this.byInstruction[k] || [])[0];
    if (first && first.scrollIntoView) first.scrollIntoView({ block: 'nearest' });
  };

  Explainer.prototype.bind = function () {
    var self = this;
    var lastPointer = 'mouse';
    this.code.addEventListener('pointerdown', function (e) { lastPointer = e.pointerType || 'mouse'; });
    this.code.addEventListener('mouseover', function (e) {
      if (self.pinned) return;
      var k = self.instructionAt(e.target);
      if (k >= 0) self.show(k);
    });
    // Hoverable (WCAG 1.4.13): leaving the code starts a short grace period, so the pointer can travel
    // to the panel (to read it, or to press a button in it) without the explanation disappearing.
    var leaveTimer = null;
    function leaveSoon() {
      clearTimeout(leaveTimer);
      leaveTimer = setTimeout(function () { if (!self.pinned) self.show(-1); }, 400);
    }
    this.code.addEventListener('mouseleave', leaveSoon);
    this.code.addEventListener('mouseenter', function () { clearTimeout(leaveTimer); });
    this.panel.addEventListener('mouseenter', function () { clearTimeout(leaveTimer); });
    this.panel.addEventListener('mouseleave', leaveSoon);
    this.code.addEventListener('click', function (e) {
      var k = self.instructionAt(e.target);
      if (k < 0) return;
      if (self.pinned && self.active === k && lastPointer === 'mouse') {
        self.unpin();
      } else {
        self.pin(k, lastPointer === 'touch' || lastPointer === 'pen');
      }
    });
    this.code.addEventListener('focus', function () {
      if (self.active < 0) self.show(0);
    });
    this.code.addEventListener('keydown', function (e) {
      switch (e.key) {
        case 'ArrowDown': case 'j': self.move(1); break;
        case 'ArrowUp': case 'k': self.move(-1); break;
        case 'Home': self.move(0, 0); break;
        case 'End': self.move(0, self.notes.length - 1); break;
        case 'Enter': case ' ': self.pin(self.active < 0 ? 0 : self.active); break;
        case 'Escape': self.unpin(); break;
        default: return;
      }
      e.preventDefault();
    });
    this.root.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && self.pinned && e.target !== self.code) self.unpin();
    });
    this.root.addEventListener('click', function (e) {
      var marker = e.target.closest && e.target.closest('.gutter-marker');
      if (marker) self.pin(self.instructionAt(marker), lastPointer === 'touch');
    });
  };

  Explainer.prototype.openFragment = function (hash) {
    var m = /^#(.+)-L(\d+)$/.exec(hash || '');
    if (!m || m[1] !== this.root.id) return false;
    var line = parseInt(m[2], 10);
    for (var k = 0; k < this.notes.length; k++) {
      var start = parseInt(this.notes[k].getAttribute('data-start'), 10);
      var end = parseInt(this.notes[k].getAttribute('data-end'), 10);
      if (line >= start && line <= end) {
        this.pin(k);
        var first = (this.byInstruction[k] || [])[0];
        if (first) first.scrollIntoView({ block: 'center' });
        return true;
      }
    }
    return false;
  };

  function reducedMotion() {
    return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  var explainers = [];
  function init(scope) {
    explainers = explainers.filter(function (x) { return document.documentElement.contains(x.root); });
    Array.prototype.forEach.call((scope || document).querySelectorAll('[data-explainer]'), function (root) {
      if (root.__explainer) return;
      root.__explainer = new Explainer(root);
      explainers.push(root.__explainer);
    });
    explainers.forEach(function (x) { if (x.notes) x.openFragment(location.hash); });
  }
  window.addEventListener('hashchange', function () {
    explainers.forEach(function (x) { x.openFragment(location.hash); });
  });
  window.DockerfileExplainer = { init: init };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(); });
  } else {
    init();
  }
})();

