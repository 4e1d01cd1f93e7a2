// Course features: quizzes checked in the browser, OS tabs kept in sync and remembered, and progress
// (visited lessons, passed quizzes) kept in localStorage, with export and import as a file.
(function () {
  'use strict';
  var KEY = 'dt-progress';
  var OS_KEY = 'dt-os';

  function load() {
    try {
      var p = JSON.parse(localStorage.getItem(KEY) || '{}');
      return { visited: p.visited || {}, quizzes: p.quizzes || {}, last: p.last || null };
    } catch (e) {
      return { visited: {}, quizzes: {}, last: null };
    }
  }
  function save(p) {
    try { localStorage.setItem(KEY, JSON.stringify({ version: 1, visited: p.visited, quizzes: p.quizzes, last: p.last })); } catch (e) { /* private mode */ }
  }

  var progress = load();
  var article = document.querySelector('article[data-lesson]');
  var lesson = article && article.getAttribute('data-lesson');
  if (lesson) {
    progress.visited[lesson] = progress.visited[lesson] || new Date().toISOString();
    progress.last = lesson;
    save(progress);
  }

  function renderTicks() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-slug]'), function (item) {
      var slug = item.getAttribute('data-slug');
      var mark = item.querySelector('.progress-mark');
      var visited = !!progress.visited[slug];
      var passed = !!progress.quizzes[slug];
      item.classList.toggle('is-visited', visited);
      item.classList.toggle('is-passed', passed);
      if (!visited) { if (mark) mark.remove(); return; }
      if (!mark) {
        mark = document.createElement('span');
        mark.className = 'progress-mark';
        (item.querySelector('a') || item).appendChild(mark);
      }
      mark.textContent = passed ? '\u2713\u2713' : '\u2713';
      mark.setAttribute('title', passed ? 'Visited, quiz passed' : 'Visited');
      mark.setAttribute('aria-label', passed ? '(visited, quiz passed)' : '(visited)');
    });
    var box = document.querySelector('[data-continue]');
    if (box) {
      var cards = Array.prototype.slice.call(document.querySelectorAll('.lesson-card[data-slug]'));
      var target = null;
      if (progress.last) {
        var i = cards.findIndex(function (c) { return c.getAttribute('data-slug') === progress.last; });
        for (var k = Math.max(0, i); k < cards.length && !target; k++) {
          if (!progress.visited[cards[k].getAttribute('data-slug')] || k === i && !progress.quizzes[progress.last] && cards[k].hasAttribute('data-has-quiz')) {
            target = cards[k];
          }
        }
        if (!target && i >= 0) target = cards[Math.min(i + 1, cards.length - 1)];
      }
      if (target) {
        var link = box.querySelector('a');
        var anchor = target.querySelector('a');
        link.href = anchor.getAttribute('href');
        link.textContent = target.querySelector('.lesson-card-title').textContent;
        var done = cards.filter(function (c) { return progress.visited[c.getAttribute('data-slug')]; }).length;
        box.querySelector('[data-count]').textContent = done + ' of ' + cards.length + ' lessons visited';
        box.hidden = false;
      }
    }
  }
  renderTicks();

  // ---------- progress export / import ----------
  var exportButton = document.querySelector('[data-progress-export]');
  if (exportButton) {
    exportButton.hidden = false;
    exportButton.addEventListener('click', function () {
      var blob = new Blob([JSON.stringify({ version: 1, visited: progress.visited, quizzes: progress.quizzes, last: progress.last }, null, 2)],
        { type: 'application/json' });
      var a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'docker-tutorial-progress.json';
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    });
  }
  var importInput = document.querySelector('[data-progress-import]');
  var importStatus = document.querySelector('[data-progress-status]');
  if (importInput) {
    importInput.closest('[hidden]') && (importInput.closest('[hidden]').hidden = false);
    importInput.addEventListener('change', function () {
      var file = importInput.files && importInput.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var data = JSON.parse(text);
        if (!data || typeof data.visited !== 'object') throw new Error('not a progress file');
        Object.keys(data.visited).forEach(function (k) { if (/^[\w.-]+$/.test(k)) progress.visited[k] = String(data.visited[k]); });
        Object.keys(data.quizzes || {}).forEach(function (k) { if (/^[\w.-]+$/.test(k)) progress.quizzes[k] = !!data.quizzes[k]; });
        if (typeof data.last === 'string' && /^[\w.-]+$/.test(data.last)) progress.last = data.last;
        save(progress);
        renderTicks();
        if (importStatus) importStatus.textContent = 'Progress imported.';
      }).catch(function () {
        if (importStatus) importStatus.textContent = 'That file is not a progress file from this course.';
      });
    });
  }

  // ---------- quizzes ----------
  Array.prototype.forEach.call(document.querySelectorAll('form[data-quiz]'), function (form) {
    form.classList.add('is-enhanced');
    var submit = form.querySelector('button[type=submit]');
    submit.hidden = false;
    var result = form.querySelector('.quiz-result');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var questions = form.querySelectorAll('[data-question]');
      var right = 0;
      var unanswered = 0;
      Array.prototype.forEach.call(questions, function (q) {
        var inputs = Array.prototype.slice.call(q.querySelectorAll('input'));
        if (!inputs.some(function (i) { return i.checked; })) unanswered++;
        var ok = inputs.every(function (i) { return i.checked === (i.getAttribute('data-correct') === 'true'); });
        if (ok) right++;
        q.classList.toggle('is-right', ok);
        q.classList.toggle('is-wrong', !ok);
        inputs.forEach(function (i) {
          var li = i.closest('.quiz-choice');
          var correct = i.getAttribute('data-correct') === 'true';
          li.classList.toggle('is-correct', correct);
          li.classList.toggle('is-chosen-wrong', i.checked && !correct);
          var why = li.querySelector('.quiz-why');
          why.hidden = false;
          why.setAttribute('data-verdict', correct ? 'Right' : 'Not quite');
        });
      });
      var total = questions.length;
      result.textContent = right + ' of ' + total + ' right.'
        + (unanswered ? ' ' + unanswered + ' not answered.' : '')
        + (right === total ? ' Well done!' : ' Read the explanations and try again.');
      if (lesson && right === total) {
        var all = Array.prototype.every.call(document.querySelectorAll('form[data-quiz]'), function (f) {
          return f === form || f.classList.contains('is-passed');
        });
        form.classList.add('is-passed');
        if (all) {
          progress.quizzes[lesson] = true;
          save(progress);
          renderTicks();
        }
      }
    });
  });

  // ---------- OS tabs ----------
  // The choice kept is one system ("Linux", "macOS", "Windows PowerShell"). A tab may serve several, named
  // in its label: "Linux and macOS" (also "Linux, macOS" or "Linux / macOS"). Each group shows the tab that
  // names the chosen system, so a page with "Linux and macOS" in one group and Linux, macOS in the next
  // keeps both on the learner's system.
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-tabs]'));
  function systems(tab) {
    return tab.getAttribute('data-tab').split(/\s*(?:,|\/|&|\band\b)\s*/).filter(Boolean);
  }
  function tabFor(group, system) {
    var tabs = Array.prototype.slice.call(group.querySelectorAll('[role=tab]'));
    return tabs.filter(function (t) { return t.getAttribute('data-tab') === system; })[0]
      || tabs.filter(function (t) { return systems(t).indexOf(system) >= 0; })[0] || null;
  }
  function select(group, system, focus) {
    var chosen = tabFor(group, system);
    if (!chosen) return false;
    var label = chosen.getAttribute('data-tab');
    Array.prototype.forEach.call(group.querySelectorAll('[role=tab]'), function (t) {
      var on = t === chosen;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      if (on && focus) t.focus();
    });
    Array.prototype.forEach.call(group.querySelectorAll('[role=tabpanel]'), function (p) {
      p.hidden = p.getAttribute('data-tab') !== label;
    });
    return true;
  }
  var preferred = null;
  try { preferred = localStorage.getItem(OS_KEY); } catch (e) { preferred = null; }
  function selectEverywhere(tab) {
    // A tab for several systems keeps the one already chosen among them, else stands for its first.
    var names = systems(tab);
    var system = names.indexOf(preferred) >= 0 ? preferred : names[0];
    preferred = system;
    groups.forEach(function (g) { select(g, system, false); });
    try { localStorage.setItem(OS_KEY, system); } catch (e) { /* not remembered */ }
  }
  groups.forEach(function (group) {
    group.classList.add('is-enhanced');
    group.querySelector('[role=tablist]').hidden = false;
    var first = group.querySelector('[role=tab]').getAttribute('data-tab');
    if (!preferred || !select(group, preferred, false)) select(group, first, false);
    group.addEventListener('click', function (event) {
      var tab = event.target.closest('[role=tab]');
      if (tab) selectEverywhere(tab);
    });
    group.addEventListener('keydown', function (event) {
      var tab = event.target.closest('[role=tab]');
      if (!tab || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
      var tabs = Array.prototype.slice.call(group.querySelectorAll('[role=tab]'));
      var i = tabs.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : -1);
      var next = tabs[(i + tabs.length) % tabs.length];
      selectEverywhere(next);
      next.focus();
      event.preventDefault();
    });
  });
})();
