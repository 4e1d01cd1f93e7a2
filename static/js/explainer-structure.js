// The explainer's structure for assistive technology (loaded after explainer.js): the code becomes a
// listbox, one group per instruction, whose options are the instruction (its gutter cue) and each of its
// flags and commands. Names say what a sighted reader sees at a glance: the code, and the warnings by topic.
(function () {
  'use strict';
  var X = window.DockerfileExplainer;
  var el = X.el, slice = X.slice;
  var P = X.Explainer.prototype;

  P.buildListbox = function () {
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
    // Inside the listbox the warnings are part of each instruction's name; a marker would be an image
    // among options, which a listbox may not hold.
    slice(code.querySelectorAll('.gutter-marker')).forEach(function (m) { m.setAttribute('aria-hidden', 'true'); });
    this.notes.forEach(function (note, k) {
      var lines = self.byInstruction[k] || [];
      if (!lines.length) return;
      var group = el('span', 'explainer-instruction');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', note.getAttribute('aria-label'));
      group.setAttribute('data-instruction', k);
      lines[0].parentNode.insertBefore(group, lines[0]);
      lines.forEach(function (line) { group.appendChild(line); });
      var head = lines.filter(function (l) { return !l.hasAttribute('data-comment'); })[0] || lines[0];
      head.setAttribute('data-head', '');
      var option = el('span', 'explain-cue');
      option.id = id + '-o' + k;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      head.insertBefore(option, head.firstChild);
      self.options[k] = option;
      self.groups[k] = group;
      self.parts[k] = self.wrapParts(k, note);
    });
    this.nameOptions();
    this.keepWords();
    this.live = el('p', 'visually-hidden');
    this.live.setAttribute('role', 'status');
    this.root.appendChild(this.live);
  };

  // (Re)names every instruction's option; the annotated view adds each summary to the name.
  P.nameOptions = function () {
    var self = this;
    this.options.forEach(function (option, k) {
      if (option) option.setAttribute('aria-label', self.optionLabel(k));
    });
  };

  // "Line 2: FROM python:3.9-slim. 2 warnings: end of life image, latest tag."
  // The instruction's code on one line (continuations joined, comments left out), at most 160 characters.
  P.codeText = function (k) {
    var text = (this.byInstruction[k] || []).filter(function (l) { return !l.hasAttribute('data-comment'); })
      .map(function (l) { var c = l.querySelector('.line-code'); return c ? c.textContent.replace(/[\\`]\s*$/, '') : ''; })
      .join(' ').replace(/\s+/g, ' ').trim();
    return text.length > 160 ? text.slice(0, 159) + '\u2026' : text;
  };

  P.optionLabel = function (k) {
    var note = this.notes[k];
    var range = note.getAttribute('aria-label').replace(/,.*$/, '');
    var label = range + ': ' + this.codeText(k) + '.';
    var topics = this.warningTopics(note);
    if (topics.length) label += ' ' + X.plural(topics.length, 'warning') + ': ' + topics.join(', ') + '.';
    if (this.annotated && !this.hidesAnswers(k)) {
      var summary = note.querySelector('.note-summary');
      if (summary) label += ' ' + summary.textContent;
    }
    return label;
  };

  P.warningTopics = function (note) {
    return slice(note.querySelectorAll('.note-warnings .severity-warning, .note-warnings .severity-error'))
      .map(function (li) { return li.getAttribute('data-topic') || 'warning'; });
  };

  // Wraps each flag and command of instruction k in the code (columns from data-span) so it can be
  // pointed at, and makes its first piece an option named after its panel entry.
  P.wrapParts = function (k, note) {
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
      // The option is an empty cue just before the part's text: a command's own flag is inside the
      // command's text, and an option may not hold another option.
      var option = el('span', 'part-cue');
      spans[0].parentNode.insertBefore(option, spans[0]);
      option.id = self.root.id + '-p' + k + '-' + key;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      var label = partLabel(entry);
      // Predict, then reveal: until then only the flag or command's name, not what it does.
      option.setAttribute('aria-label', self.hidesAnswers(k) ? label.replace(/:.*$/, '') : label);
      parts.push({ key: key, spans: spans, option: option, label: label });
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
})();
