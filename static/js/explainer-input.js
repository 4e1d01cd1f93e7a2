// The explainer's input (loaded after explainer.js): mouse hover previews, clicks and taps pin (a second
// tap closes), the keyboard moves between instructions (up/down) and their flags and commands (left/right),
// Enter pins, Escape closes; pointing at an entry in the panel shows where it is written.
(function () {
  'use strict';
  var X = window.DockerfileExplainer;
  var slice = X.slice;
  var Explainer = X.Explainer;

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
    var line = node && node.closest ? node.closest('.line, .annotation') : null; // a note stands for its line
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
    code.addEventListener('pointermove', function (e) {
      if (e.pointerType === 'mouse' && (e.movementX || e.movementY) && !self.pinned) self.keyboard = false;
    });
    code.addEventListener('mouseover', function (e) {
      if (lastPointer !== 'mouse') return; // touch sends compatibility mouse events: taps are clicks
      var k = self.instructionAt(e.target);
      var part = self.partAt(e.target);
      self.hovered(k);
      // A narrow page does not open the sheet on hover; while the keyboard moves, the resting pointer does
      // not take over (the page scrolls under it).
      if (self.pinned || self.sheet || self.keyboard) return;
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
        case 'Enter': case ' ':
          self.keyboard = true;
          // On a pinned line that asks for a prediction, Enter reveals (the learner has had time to think).
          if (self.pinned && self.active >= 0 && self.hidesAnswers(self.active)) self.revealAnswer(self.active);
          else self.pin(self.active < 0 ? 0 : self.active, self.part);
          break;
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

})();
