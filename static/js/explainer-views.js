// The explainer's tools (loaded after explainer.js; the buttons are in the server's HTML, shown with
// scripts only): the annotated view lays every instruction's summary beside its line at once (under it on
// narrow screens), warnings as notes, for reading, printing and projecting; large type for projectors;
// Previous/Next step walk through the build, each line showing what it changed. Generic: any block
// rendered with the explainer's classes and data attributes gets the same tools.
(function () {
  'use strict';
  var X = window.DockerfileExplainer;
  var el = X.el, slice = X.slice;
  var P = X.Explainer.prototype;

  X.plugin(function (x) {
    slice(x.root.querySelectorAll('[data-tool]')).forEach(function (button) {
      if (button.closest('[data-explainer]') !== x.root) return;
      button.addEventListener('click', function () { x.tool(button.getAttribute('data-tool'), button); });
    });
    x.root.addEventListener('explainer:pin', function (e) { if (e.detail.line === null) x.stepping(false); });
  });

  P.tool = function (name, button) {
    if (name === 'annotated') this.setAnnotated(!this.annotated);
    else if (name === 'large') {
      var large = this.root.classList.toggle('is-large');
      button.setAttribute('aria-pressed', String(large));
      this.layout();
    } else if (name === 'next' || name === 'previous') this.step(name === 'next' ? 1 : -1);
    else this.root.dispatchEvent(new CustomEvent('explainer:tool', { bubbles: true, detail: { tool: name, button: button } }));
  };

  P.setAnnotated = function (on) {
    this.annotated = on;
    this.root.classList.toggle('is-annotated', on);
    var button = this.root.querySelector('[data-tool="annotated"]');
    if (button) button.setAttribute('aria-pressed', String(on));
    if (on) this.buildAnnotations();
    this.nameOptions(); // the options' names carry the summaries while the notes are on the screen
    this.layout();
  };

  // One note per instruction, the last child of its group: CSS puts it beside the lines or under them.
  // Hidden from assistive technology, which hears the same summaries in the options' names.
  P.buildAnnotations = function () {
    if (this.annotations) return;
    var self = this;
    this.annotations = [];
    this.groups.forEach(function (group, k) {
      var note = self.notes[k];
      var box = el('span', 'annotation');
      box.setAttribute('aria-hidden', 'true');
      box.setAttribute('data-instruction', k);
      var changes = slice(note.querySelectorAll('.note-change li'));
      if (changes.length) {
        var chips = el('span', 'annotation-change');
        changes.forEach(function (li) { chips.appendChild(el('span', 'change-chip', li.textContent.trim())); });
        box.appendChild(chips);
      }
      var summary = note.querySelector('.note-summary');
      var text = el('span', 'annotation-summary', summary ? summary.textContent : '');
      if (self.hidesAnswers(k)) text.textContent = 'Predict first: what does this line do?';
      box.appendChild(text);
      slice(note.querySelectorAll('.note-warnings > li')).forEach(function (li) {
        var severity = /severity-(\w+)/.exec(li.className);
        var message = li.cloneNode(true);
        slice(message.querySelectorAll('.fix, .rule-link, .severity, .fix-preview')).forEach(function (n) { n.remove(); });
        var line = el('span', 'annotation-warning is-' + (severity ? severity[1] : 'warning'));
        line.appendChild(el('strong', null, (li.querySelector('.severity') || { textContent: 'Warning' }).textContent + ': '));
        line.appendChild(document.createTextNode(firstSentence(message.textContent)));
        box.appendChild(line);
      });
      group.appendChild(box);
      self.annotations[k] = box;
    });
  };

  function firstSentence(text) {
    var t = text.replace(/\s+/g, ' ').trim();
    var m = /^.*?[.!?](?=\s|$)/.exec(t);
    return m ? m[0] : t;
  }

  // Previous/Next step: pin the next instruction; the lines not built yet fade, and each built line
  // shows what it changed.
  P.step = function (delta) {
    var n = this.notes.length;
    var k = this.active < 0 ? (delta > 0 ? 0 : n - 1) : Math.max(0, Math.min(n - 1, this.active + delta));
    this.stepping(true);
    this.keyboard = true;
    this.pin(k, -1);
    this.markSteps();
  };

  P.stepping = function (on) {
    this.isStepping = on;
    this.root.classList.toggle('is-stepping', on);
    if (on) this.buildAnnotations();
    this.markSteps();
  };

  P.markSteps = function () {
    var active = this.isStepping ? this.active : -1;
    this.groups.forEach(function (group, k) {
      group.classList.toggle('is-ahead', active >= 0 && k > active);
      group.classList.toggle('is-built', active >= 0 && k <= active);
    });
  };

  // Printing: the annotated view, so paper shows every explanation at once.
  var printed = [];
  window.addEventListener('beforeprint', function () {
    slice(document.querySelectorAll('[data-explainer]')).forEach(function (root) {
      var x = root.__explainer;
      if (x && x.groups && !x.annotated) { x.setAnnotated(true); printed.push(x); }
    });
  });
  window.addEventListener('afterprint', function () {
    printed.forEach(function (x) { x.setAnnotated(false); });
    printed = [];
  });
})();
