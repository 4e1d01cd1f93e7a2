// "Quiz me on this file": predict-then-reveal questions about any Dockerfile the explainer shows,
// answered by the engine's own model of that file: what a line does (its summary), which lines run
// again when a file changes (the lesson's cache table, or POST /api/cache), and which program is process 1,
// the one docker stop signals (the state after the last line). One question at a time: choose, Check,
// read why, Next.
(function () {
  'use strict';
  var X = window.DockerfileExplainer;
  var el = X.el, slice = X.slice;

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var t = list[i]; list[i] = list[j]; list[j] = t;
    }
    return list;
  }
  function unique(choices) {
    var seen = {};
    return choices.filter(function (c) { return c && !seen[c.text] && (seen[c.text] = true); });
  }
  // At most four choices: the right one and three different wrong ones, in a random order (the right one
  // is never cut, and is not always first).
  function choices(right, wrong) {
    return shuffle(unique([right].concat(shuffle(wrong))).slice(0, 4));
  }
  function lineOf(note) { return parseInt(note.id.replace(/^.*-L/, ''), 10); }

  // "What does line N do?": its summary among the summaries of other instructions.
  function whatDoes(x) {
    var notes = x.notes.filter(function (n) { return n.querySelector('.note-summary'); });
    if (notes.length < 3) return [];
    return shuffle(notes.slice()).slice(0, 2).map(function (note) {
      var right = note.querySelector('.note-summary').textContent;
      var others = shuffle(notes.filter(function (n) { return n !== note; }))
        .map(function (n) { return { text: n.querySelector('.note-summary').textContent }; });
      return {
        question: 'What does line ' + lineOf(note) + ' do? ' + x.codeText(x.notes.indexOf(note)),
        choices: choices({ text: right, right: true }, others),
        why: 'The explainer says: ' + right
      };
    });
  }

  // "If you change FILE, which lines run again?": from the lesson's table, else from /api/cache.
  function rebuilds(x) {
    var control = document.querySelector('[data-cache-control][data-for="' + x.root.id + '"]');
    var rows = control ? slice(control.querySelectorAll('tr[data-file][data-rebuilt]')) : [];
    var row = shuffle(rows.filter(function (r) { return r.getAttribute('data-rebuilt'); }))[0];
    if (row) return Promise.resolve(rebuildQuestion(x, row.getAttribute('data-file'), numbers(row.getAttribute('data-rebuilt'))));
    var copied = /^\s*COPY\s+(?!--from)(?:--\S+\s+)*([\w.-]+)\s+\S+\s*$/im.exec(X.text(x));
    var file = copied ? copied[1] : (/^\s*COPY\s+(?:--\S+\s+)*\.\s/im.test(X.text(x)) ? 'app.py' : null);
    if (!file || file === '.') return Promise.resolve(null);
    return fetch('/api/cache', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ dockerfile: X.text(x), context: [file], changed: [file] })
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (json) {
      return json && json.rebuilt && json.rebuilt.length ? rebuildQuestion(x, file, json.rebuilt) : null;
    }, function () { return null; });
  }
  function numbers(s) { return s.split(' ').filter(Boolean).map(Number); }

  function rebuildQuestion(x, file, rebuilt) {
    var starts = x.notes.map(lineOf);
    var say = function (lines) {
      return lines.length ? 'Line' + (lines.length > 1 ? 's ' : ' ') + lines.join(', ') : 'Nothing: every step comes from the cache';
    };
    var from = starts.filter(function (l) { return l >= rebuilt[0]; });
    return {
      question: 'If you change ' + file + ', which steps run again on the next build?',
      choices: choices({ text: say(rebuilt), right: true }, [{ text: say(rebuilt.slice(0, 1)) },
        { text: say([]) }, { text: say(from) }, { text: say(starts) }]),
      why: say(rebuilt) + ' run' + (rebuilt.length === 1 ? 's' : '') + ' again: the first step that takes ' + file
        + ' misses the cache, and every step after it in the stage builds on that miss.'
    };
  }

  // "Which program gets docker stop's signal?": process 1, the first word of what docker run starts.
  function processOne(x) {
    var runs = x.root.getAttribute('data-runs');
    var pid1 = x.root.getAttribute('data-pid1');
    if (!runs || !pid1) return [];
    var signal = x.root.getAttribute('data-stop-signal') || 'SIGTERM';
    var words = runs.split(/\s+/);
    var shell = /(^|\/)(ba|da)?sh$/.test(pid1);
    var program = shell ? (runs.replace(/^.*?-c\s+"?/, '').split(/\s+/)[0] || 'your program') : words[1] || pid1;
    var why = 'docker stop sends ' + signal + ' to process 1, and docker run starts ' + runs + ', so process 1 is '
      + pid1 + '.' + (shell ? ' A shell as process 1 may not pass the signal on to ' + program
        + '; after the grace period Docker sends SIGKILL.' : '');
    return [{
      question: 'docker stop sends ' + signal + '. Which program receives it?',
      choices: choices({ text: pid1, right: true }, [{ text: program }, { text: 'Every process in the container' },
        { text: 'None: Docker stops the container without a signal' }]),
      why: why
    }];
  }

  function Quiz(x, button) {
    this.x = x;
    this.section = el('section', 'quiz explainer-quiz');
    this.section.id = x.root.id + '-quiz';
    this.section.setAttribute('aria-label', 'Quiz on ' + x.title());
    this.button = button;
    x.root.insertBefore(this.section, x.root.querySelector('.explainer-notes'));
    var self = this;
    this.section.appendChild(el('p', 'quiz-title', 'Quiz on this file'));
    this.body = el('div', 'quiz-body');
    this.section.appendChild(this.body);
    this.status = el('p', 'visually-hidden');
    this.status.setAttribute('role', 'status');
    this.section.appendChild(this.status);
    this.questions = whatDoes(x).concat(processOne(x));
    this.score = 0;
    this.index = 0;
    this.body.appendChild(el('p', null, 'Preparing questions\u2026'));
    rebuilds(x).then(function (q) {
      if (q) self.questions.splice(1, 0, q);
      self.ask();
      self.focus(); // the learner asked for the quiz: start at its first choice
    });
  }

  Quiz.prototype.ask = function () {
    var self = this;
    var q = this.questions[this.index];
    this.body.innerHTML = '';
    if (!q) {
      this.body.appendChild(el('p', 'quiz-result', this.questions.length
        ? 'You got ' + this.score + ' of ' + this.questions.length + ' right.' : 'This file is too short for a quiz.'));
      var again = el('button', 'button', 'Ask again');
      again.type = 'button';
      again.addEventListener('click', function () { self.section.remove(); self.x.quiz = new Quiz(self.x, self.button); });
      this.body.appendChild(again);
      this.status.textContent = this.body.firstChild.textContent;
      again.focus();
      return;
    }
    var fieldset = el('fieldset', 'quiz-question');
    fieldset.appendChild(el('legend', null, 'Question ' + (this.index + 1) + ' of ' + this.questions.length + ': ' + q.question));
    var list = el('ul', 'quiz-choices');
    var name = this.section.id + '-q' + this.index;
    q.choices.forEach(function (c, n) {
      var li = el('li', 'quiz-choice');
      var label = el('label');
      var input = el('input');
      input.type = 'radio';
      input.name = name;
      input.value = String(n);
      label.appendChild(input);
      label.appendChild(el('span', null, c.text));
      li.appendChild(label);
      list.appendChild(li);
      c.item = li;
    });
    fieldset.appendChild(list);
    this.body.appendChild(fieldset);
    var check = el('button', 'button button-primary', 'Check');
    check.type = 'button';
    check.addEventListener('click', function () {
      var chosen = fieldset.querySelector('input:checked');
      if (!chosen) { self.status.textContent = 'Choose an answer first.'; return; }
      var c = q.choices[parseInt(chosen.value, 10)];
      if (c.right) self.score++;
      q.choices.forEach(function (d) {
        if (d.right) d.item.classList.add('is-correct');
        else if (d === c) d.item.classList.add('is-chosen-wrong');
      });
      slice(fieldset.querySelectorAll('input')).forEach(function (i) { i.disabled = true; });
      var verdict = el('p', 'quiz-why', q.why);
      verdict.setAttribute('data-verdict', c.right ? 'Right' : 'Not quite');
      self.body.replaceChild(verdict, check);
      var next = el('button', 'button', self.index + 1 < self.questions.length ? 'Next question' : 'See your score');
      next.type = 'button';
      next.addEventListener('click', function () { self.index++; self.ask(); self.focus(); });
      self.body.appendChild(next);
      self.status.textContent = (c.right ? 'Right. ' : 'Not quite. ') + q.why;
      next.focus();
    });
    this.body.appendChild(check);
  };

  Quiz.prototype.focus = function () {
    var first = this.section.querySelector('input, button');
    if (first) first.focus();
  };

  window.DockerfileQuiz = {
    toggle: function (x, button) {
      if (x.quiz && x.quiz.section.isConnected) {
        x.quiz.section.remove();
        x.quiz = null;
        button.setAttribute('aria-expanded', 'false');
        button.removeAttribute('aria-controls');
        return;
      }
      x.quiz = new Quiz(x, button);
      button.setAttribute('aria-expanded', 'true');
      button.setAttribute('aria-controls', x.quiz.section.id);
    }
  };
})();
