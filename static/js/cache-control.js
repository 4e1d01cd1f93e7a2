// The "change a file" control above a Dockerfile explainer: pick the file you edit and the lines that
// run again on the next build are marked, each with its reason. In lessons the data is in the table the
// server rendered (so it also works in the static export); in the playground the files are typed and the
// prediction comes from POST /api/cache. Loaded only on pages that have a control.
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
    Array.prototype.forEach.call(figure.querySelectorAll('.cache-badge'), function (b) { b.remove(); });
    Array.prototype.forEach.call(figure.querySelectorAll('.cache-rebuilt, .cache-kept'), function (line) {
      line.classList.remove('cache-rebuilt', 'cache-kept');
    });
    figure.classList.remove('has-cache-marks');
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
      var badge = el('span', 'cache-badge ' + (rebuilt ? 'is-rebuilt' : 'is-kept'), rebuilt ? 'runs again' : 'reused');
      badge.title = r.reason;
      lines[0].appendChild(badge);
    });
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
        + prediction.rebuilt.join(', ') + ').'));
    result.appendChild(summary);
    var list = el('ul', 'cache-reasons');
    prediction.reasons.forEach(function (r) {
      var li = el('li');
      li.setAttribute('data-outcome', r.outcome);
      li.appendChild(el('span', 'cache-reason-line', 'Line ' + r.line + ':'));
      li.appendChild(document.createTextNode(' ' + r.reason));
      list.appendChild(li);
    });
    if (prediction.note) list.appendChild(el('li', '', prediction.note));
    if (list.children.length) result.appendChild(list);
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

  Picker.prototype.setFiles = function (files) {
    var self = this;
    var chosen = this.value();
    this.options.innerHTML = '';
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

  Picker.prototype.value = function () {
    var checked = this.options.querySelector('input:checked');
    return checked ? checked.value : '';
  };

  // Lessons: the server's table holds every file's prediction.
  function initTable(section) {
    var figure = document.getElementById(section.getAttribute('data-for'));
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
      mark(figure, prediction);
      describe(picker.result, prediction);
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
