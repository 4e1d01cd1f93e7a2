// Learning by fixing (loaded after explainer.js). A warning whose fix is mechanical (the server sends the
// edit as data-fix-from/-to and data-fix) offers "Apply fix" with the diff; applying it re-explains the
// edited file: the playground puts it in its editor, a lesson block is explained again through
// POST /api/explain, and "Back to the lesson's version" restores it. "Quiz me on this file" asks
// predict-then-reveal questions whose answers come from the engine's own model of this file.
(function () {
  'use strict';
  var X = window.DockerfileExplainer;
  var el = X.el, slice = X.slice;
  var pristine = {}; // lesson blocks as the server sent them, by id: for "Back to the lesson's version"

  slice(document.querySelectorAll('[data-explainer]')).forEach(function (root) {
    if (root.querySelector('[data-fix]') && root.id) pristine[root.id] = root.outerHTML;
  });

  X.plugin(function (x) {
    x.root.addEventListener('explainer:render', function (e) { addFixes(x, e.detail.body); });
    x.root.addEventListener('explainer:tool', function (e) {
      if (e.detail.tool === 'quiz') window.DockerfileQuiz.toggle(x, e.detail.button);
    });
    if (x.root.hasAttribute('data-edited') && pristine[x.root.id]) addRestore(x);
  });

  X.text = function (x) {
    var copy = x.root.querySelector('.copy-button[data-copy]');
    if (copy) return copy.getAttribute('data-copy');
    return x.lines.map(function (l) { var c = l.querySelector('.line-code'); return c ? c.textContent : ''; }).join('\n');
  };

  function addFixes(x, body) {
    if (x.hidesAnswers(x.active)) return;
    slice(body.querySelectorAll('.note-warnings li[data-fix]')).forEach(function (li, n) {
      var from = parseInt(li.getAttribute('data-fix-from'), 10);
      var to = parseInt(li.getAttribute('data-fix-to'), 10);
      var lines = X.text(x).split('\n');
      if (!(from >= 1 && to >= from && to <= lines.length)) return;
      var before = lines.slice(from - 1, to);
      var after = li.getAttribute('data-fix').split('\n');
      var box = el('div', 'fix-preview');
      var diff = el('pre', 'fix-diff');
      diff.setAttribute('aria-label', 'The change, line ' + from + (to > from ? ' to ' + to : ''));
      diff.tabIndex = 0;
      before.forEach(function (l) { diff.appendChild(el('span', 'diff-del', '- ' + l)); });
      after.forEach(function (l) { diff.appendChild(el('span', 'diff-add', '+ ' + l)); });
      var button = el('button', 'button fix-apply', 'Apply fix');
      button.type = 'button';
      button.setAttribute('aria-label', 'Apply fix: ' + (li.getAttribute('data-topic') || 'this warning'));
      button.addEventListener('click', function () {
        var edited = lines.slice(0, from - 1).concat(after, lines.slice(to)).join('\n');
        apply(x, edited, from, li.getAttribute('data-topic'));
      });
      box.appendChild(diff);
      box.appendChild(button);
      li.appendChild(box);
    });
  }

  // The edited text goes to whoever owns the file (the playground's editor); a lesson block is explained
  // again in place, with the same id and title, the same line pinned.
  function apply(x, text, line, topic) {
    var handled = !x.root.dispatchEvent(new CustomEvent('explainer:edit',
      { bubbles: true, cancelable: true, detail: { text: text, line: line, topic: topic } }));
    if (handled) return;
    var root = x.root;
    fetch('/api/explain?id=' + encodeURIComponent(root.id) + '&title=' + encodeURIComponent(x.title()), {
      method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Accept': 'text/html' }, body: text
    }).then(function (response) {
      if (!response.ok) throw new Error('status ' + response.status);
      return response.text();
    }).then(function (html) {
      var fresh = replace(root, html);
      fresh.setAttribute('data-edited', '');
      X.init(fresh.parentNode);
      var y = fresh.__explainer;
      y.openFragment('#' + fresh.id + '-L' + line);
      y.focusCode();
      y.live.textContent = 'Fix applied (' + (topic || 'warning') + '). The explanation is for the edited file. ' + y.live.textContent;
    }).catch(function () {
      x.live.textContent = 'The fix could not be applied: the server could not explain the edited file.';
    });
  }

  function replace(root, html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    var fresh = t.content.firstElementChild;
    // A "change a file" control inside the block predicts for the original file: it stays out while edited.
    var control = root.querySelector('[data-cache-control]');
    root.replaceWith(fresh);
    if (control) { control.hidden = true; fresh.parentNode.insertBefore(control, fresh); }
    return fresh;
  }

  function addRestore(x) {
    var tools = x.root.querySelector('.explainer-tools');
    if (!tools) return;
    var button = el('button', 'tool', 'Back to the lesson\u2019s version');
    button.type = 'button';
    button.addEventListener('click', function () {
      var fresh = replace(x.root, pristine[x.root.id]);
      var control = fresh.previousElementSibling;
      X.init(fresh.parentNode);
      if (control && control.matches('[data-cache-control]')) {
        control.hidden = false;
        fresh.dispatchEvent(new CustomEvent('explainer:restored', { bubbles: true }));
      }
      fresh.__explainer.focusCode();
      fresh.__explainer.live.textContent = 'The lesson\u2019s version is back.';
    });
    tools.appendChild(button);
  }
})();
