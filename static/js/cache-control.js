// The "change a file" control of a Dockerfile explainer: pick the file you edit and the lines that run
// again on the next build are marked in the gutter (never over the code), each line's explanation saying
// why. In lessons the control moves into its figure, under the title, named after it, and the data is in
// the table the server rendered (so it also works in the static export); in the playground the files are
// typed and the prediction comes from POST /api/cache. Picking keeps the code where it is: one summary
// line of fixed height; the first marked line is scrolled into view only when it is off screen.
(function () {
  'use strict';

  var KEEP = { 'copy-ignored': true, 'copy-missing': true, 'copy-not-built': true };

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // A table row as {file, rebuilt: [lines], reasons: [{line, outcome, reason}], note}.
  function fromRow(row) {
    var reasons = [];
    var note = null;
    Array.prototype.forEach.call(row.querySelectorAll('.cache-reasons li'), function (li) {
      var line = li.getAttribute('data-line');
      var label = li.querySelector('.cache-reason-line');
      var text = li.textContent.slice(label ? label.textContent.length : 0).trim();
      if (line) reasons.push({ line: parseInt(line, 10), outcome: li.getAttribute('data-outcome'), reason: text });
      else note = text;
    });
    var rebuilt = (row.getAttribute('data-rebuilt') || '').split(' ').filter(Boolean).map(Number);
    return { file: row.getAttribute('data-file'), rebuilt: rebuilt, reasons: reasons, note: note };
  }

  function fromApi(file, json) {
    var reasons = (json.reasons || []).filter(function (r) {
      return r.outcome === 'rebuilt' || KEEP[r.key];
    });
    return { file: file, rebuilt: json.rebuilt || [], reasons: reasons, note: null };
  }

  // The lines of the instruction that starts at `start`: the explainer groups them by data-instruction.
  function instructionLines(figure, start) {
    var note = document.getElementById(figure.id + '-L' + start);
    var k = note && note.getAttribute('data-instruction');
    if (k !== null && k !== undefined) {
      return Array.prototype.filter.call(figure.querySelectorAll('.explainer-code .line[data-instruction="' + k + '"]'),
        function (line) { return !line.hasAttribute('data-comment'); });
    }
    var one = figure.querySelector('.line[data-line="' + start + '"]');
    return one ? [one] : [];
  }

  function clear(figure) {
    if (!figure) return;
    Array.prototype.forEach.call(figure.querySelectorAll('.cache-mark'), function (b) { b.remove(); });
    Array.prototype.forEach.call(figure.querySelectorAll('.cache-rebuilt, .cache-kept'), function (line) {
      line.classList.remove('cache-rebuilt', 'cache-kept');
      line.removeAttribute('data-cache-reason');
      line.removeAttribute('data-cache-outcome');
    });
    figure.classList.remove('has-cache-marks');
    refreshPanel(figure);
  }

  // The open explanation shows the reason of its line: re-render it after the marks change.
  function refreshPanel(figure) {
    var x = figure.__explainer;
    if (x && x.active >= 0) { x.dirty = true; x.show(x.active, x.part); }
  }

  // Each explanation of a marked line starts with why it runs again (or is reused), under the summary.
  function explainMark(event) {
    var figure = event.currentTarget;
    var x = figure.__explainer;
    var k = event.detail.index;
    if (!x || k < 0) return;
    var marked = (x.byInstruction[k] || []).filter(function (l) { return l.hasAttribute('data-cache-reason'); })[0];
    var summary = event.detail.body.querySelector('.note-summary');
    if (!marked || !summary) return;
    var rebuilt = marked.getAttribute('data-cache-outcome') === 'rebuilt';
    var note = el('p', 'note-cache' + (rebuilt ? '' : ' is-kept'));
    note.appendChild(el('strong', null, (rebuilt ? '\u21BB Runs again' : 'Reused') + ' on the next build: '));
    note.appendChild(document.createTextNode(marked.getAttribute('data-cache-reason')));
    summary.parentNode.insertBefore(note, summary.nextSibling);
  }

  function mark(figure, prediction) {
    clear(figure);
    if (!figure || !prediction) return;
    figure.classList.add('has-cache-marks');
    prediction.reasons.forEach(function (r) {
      var lines = instructionLines(figure, r.line);
      if (lines.length === 0) return;
      var rebuilt = r.outcome === 'rebuilt';
      lines.forEach(function (line) { line.classList.add(rebuilt ? 'cache-rebuilt' : 'cache-kept'); });
      lines[0].setAttribute('data-cache-reason', r.reason);
      lines[0].setAttribute('data-cache-outcome', r.outcome);
      // In the gutter, hidden from assistive technology: the summary says which lines, the panel why.
      var mark = el('span', 'cache-mark ' + (rebuilt ? 'is-rebuilt' : 'is-kept'), rebuilt ? '\u21BB' : '\u2713');
      mark.title = (rebuilt ? 'Runs again: ' : 'Reused: ') + r.reason;
      mark.setAttribute('aria-hidden', 'true');
      lines[0].insertBefore(mark, lines[0].firstChild);
    });
    if (!figure.__cacheListening) {
      figure.__cacheListening = true;
      figure.addEventListener('explainer:render', explainMark);
    }
    refreshPanel(figure);
    var first = figure.querySelector('.line.cache-rebuilt');
    if (first) {
      var r = first.getBoundingClientRect();
      var header = document.querySelector('.site-header');
      var top = header ? header.getBoundingClientRect().bottom : 0;
      if (r.top < top || r.bottom > window.innerHeight) first.scrollIntoView({ block: 'center', behavior: 'instant' });
    }
  }

  function describe(result, prediction) {
    result.innerHTML = '';
    if (!prediction) return;
    var n = prediction.rebuilt.length;
    var summary = el('p', 'cache-summary');
    summary.appendChild(document.createTextNode('You change '));
    summary.appendChild(el('code', '', prediction.file));
    summary.appendChild(document.createTextNode(n === 0 ? ': nothing runs again, every step comes from the cache.'
      : ': ' + n + (n === 1 ? ' step runs' : ' steps run') + ' again (line' + (n === 1 ? ' ' : 's ')
        + prediction.rebuilt.join(', ') + '), marked \u21BB. Point at one to see why.'));
    if (prediction.note) summary.appendChild(document.createTextNode(' ' + prediction.note));
    else if (n === 0 && prediction.reasons.length) summary.appendChild(document.createTextNode(' ' + prediction.reasons[0].reason));
    result.appendChild(summary);
  }

  // The summary above the code may take another row: the page scrolls with it, so the code stays put on screen.
  function steady(figure, change) {
    var code = figure && figure.querySelector('.explainer-code');
    var before = code ? code.getBoundingClientRect().top : 0;
    change();
    var after = code ? code.getBoundingClientRect().top : 0;
    if (Math.abs(after - before) > 0.5) window.scrollBy({ top: after - before, left: 0, behavior: 'instant' });
  }

  // The picker: native radio buttons, so arrows, Space, taps and clicks all work and screen readers know it.
  function Picker(section, onChoose) {
    this.section = section;
    this.onChoose = onChoose;
    this.fieldset = el('fieldset', 'cache-picker');
    this.fieldset.appendChild(el('legend', '', 'Pick the file you edit'));
    this.options = el('div', 'cache-options');
    this.fieldset.appendChild(this.options);
    this.result = el('div', 'cache-result');
    this.result.setAttribute('aria-live', 'polite');
    this.name = (section.getAttribute('data-for') || 'dockerfile') + '-changed';
  }

  // Up to five files: a row of pills (radio buttons). More: one drop-down list, grouped by folder, so a
  // project of 22 files stays one line tall.
  var PILLS_MAX = 5;

  Picker.prototype.setFiles = function (files) {
    var self = this;
    var chosen = this.value();
    this.options.innerHTML = '';
    if (files.length > PILLS_MAX) { this.setList(files, chosen); return; }
    [''].concat(files).forEach(function (file) {
      var label = el('label', 'cache-option');
      var input = el('input');
      input.type = 'radio';
      input.name = self.name;
      input.value = file;
      input.checked = file === chosen || (file === '' && files.indexOf(chosen) < 0);
      input.addEventListener('change', function () { if (input.checked) self.onChoose(file); });
      label.appendChild(input);
      if (file === '') label.appendChild(document.createTextNode(' nothing'));
      else { label.appendChild(document.createTextNode(' ')); label.appendChild(el('code', '', file)); }
      self.options.appendChild(label);
    });
  };

  Picker.prototype.setList = function (files, chosen) {
    var self = this;
    var label = el('label', 'cache-list-label', 'File');
    var select = el('select', 'cache-list');
    select.id = this.name + '-list';
    label.htmlFor = select.id;
    var none = el('option', null, 'nothing');
    none.value = '';
    select.appendChild(none);
    var groups = {};
    files.forEach(function (file) {
      var slash = file.lastIndexOf('/');
      var folder = slash < 0 ? '' : file.slice(0, slash + 1);
      var parent = select;
      if (folder) {
        if (!groups[folder]) { groups[folder] = el('optgroup'); groups[folder].label = folder; select.appendChild(groups[folder]); }
        parent = groups[folder];
      }
      var option = el('option', null, folder ? file.slice(folder.length) : file);
      option.value = file;
      option.selected = file === chosen;
      parent.appendChild(option);
    });
    select.addEventListener('change', function () { self.onChoose(select.value); });
    this.options.appendChild(label);
    this.options.appendChild(select);
  };

  Picker.prototype.value = function () {
    var select = this.options.querySelector('select');
    if (select) return select.value;
    var checked = this.options.querySelector('input:checked');
    return checked ? checked.value : '';
  };

  // Lessons: the server's table holds every file's prediction.
  function initTable(section) {
    var figureId = section.getAttribute('data-for');
    var table = section.querySelector('[data-cache-table]');
    if (!table) return;
    var rows = {};
    var files = [];
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr[data-file]'), function (row) {
      rows[row.getAttribute('data-file')] = fromRow(row);
      files.push(row.getAttribute('data-file'));
    });
    var picker = new Picker(section, function (file) {
      var prediction = file ? rows[file] : null;
      var figure = document.getElementById(figureId);
      steady(figure, function () { describe(picker.result, prediction); });
      mark(figure, prediction);
    });
    picker.setFiles(files);
    var toggle = el('button', 'button cache-table-toggle', 'Show every file as a table');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', function () {
      table.hidden = !table.hidden;
      toggle.setAttribute('aria-expanded', String(!table.hidden));
      toggle.textContent = table.hidden ? 'Show every file as a table' : 'Hide the table';
    });
    table.hidden = true;
    section.insertBefore(picker.fieldset, table);
    section.insertBefore(picker.result, table);
    section.insertBefore(toggle, table);
    section.classList.add('is-enhanced');
    attach(section, document.getElementById(figureId));
    // "Back to the lesson's version" (explainer-learn.js) brings a fresh figure: the control goes back in.
    document.addEventListener('explainer:restored', function (e) {
      if (e.target.id !== figureId) return;
      attach(section, e.target);
      picker.onChoose(picker.value());
    });
  }

  // Into its figure, under the title and the toolbar, named after the figure: which Dockerfile it
  // changes is never in doubt, and what it marks is right below it.
  function attach(section, figure) {
    if (!figure) return;
    var layout = figure.querySelector('.explainer-layout');
    if (!layout) return;
    figure.insertBefore(section, layout);
    section.classList.add('is-attached');
    var caption = figure.querySelector('.code-title');
    var name = caption && caption.firstChild && caption.firstChild.nodeType === 3 ? caption.firstChild.data.trim() : '';
    var title = section.querySelector('.cache-control-title');
    if (title && name) {
      title.textContent = 'Change a file of \u201C' + name + '\u201D: what runs again on the next build?';
    }
  }

  // The playground: the learner types the files; each choice asks POST /api/cache.
  function initLive(section) {
    var filesBox = document.querySelector('[data-cache-files]');
    var ignoreBox = document.querySelector('[data-cache-ignore]');
    var editor = document.querySelector('[data-editor]');
    var resultArea = document.querySelector('[data-result]');
    if (!filesBox || !editor) return;
    var table = section.querySelector('[data-cache-table]');
    if (table) table.hidden = true;
    var sequence = 0;
    var last = null;
    var figure = function () { return document.getElementById(section.getAttribute('data-for')); };
    var typed = function () {
      var seen = {};
      return filesBox.value.split('\n').map(function (f) { return f.trim(); })
        .filter(function (f) { return f && !seen[f] && (seen[f] = true); });
    };
    var picker = new Picker(section, function (file) { ask(file); });
    function ask(file) {
      var mine = ++sequence;
      if (!file) { last = null; mark(figure(), null); describe(picker.result, null); return; }
      fetch('/api/cache', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ dockerfile: editor.value, context: typed(), changed: [file],
          dockerignore: ignoreBox ? ignoreBox.value : null })
      }).then(function (response) {
        return response.json().then(function (json) {
          if (mine !== sequence) return;
          if (!response.ok) { describe(picker.result, null); picker.result.textContent = json.detail || 'No prediction.'; return; }
          last = fromApi(file, json);
          mark(figure(), last);
          describe(picker.result, last);
        });
      }).catch(function () {
        if (mine === sequence) picker.result.textContent = 'The server could not be reached.';
      });
    }
    var timer = null;
    function refresh() {
      picker.setFiles(typed());
      section.hidden = typed().length === 0;
      ask(picker.value());
    }
    filesBox.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 300); });
    if (ignoreBox) ignoreBox.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 300); });
    // The playground re-renders the explainer as the Dockerfile changes: predict again for the new text.
    if (resultArea && window.MutationObserver) {
      new MutationObserver(function () {
        var f = figure();
        if (picker.value() && f && !f.classList.contains('has-cache-marks')) ask(picker.value());
      }).observe(resultArea, { childList: true });
    }
    var title = section.querySelector('.cache-control-title');
    section.insertBefore(picker.fieldset, title ? title.nextSibling : section.firstChild);
    section.insertBefore(picker.result, picker.fieldset.nextSibling);
    section.classList.add('is-enhanced');
    picker.setFiles(typed());
    section.hidden = typed().length === 0;
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-cache-control]'), function (section) {
    if (section.hasAttribute('data-cache-live')) initLive(section);
    else initTable(section);
  });
})();
