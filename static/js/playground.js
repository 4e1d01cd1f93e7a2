// The playground: live explanation as you type (debounced, through POST /api/explain), examples,
// and share links that carry the Dockerfile (compressed) and the pinned line in the URL fragment.
(function () {
  'use strict';
  var form = document.querySelector('[data-playground]');
  if (!form) return;
  var editor = form.querySelector('[data-editor]');
  var result = document.querySelector('[data-result]');
  var status = form.querySelector('[data-status]');
  var shareButton = form.querySelector('[data-share]');
  var examples = document.querySelector('[data-examples]');
  var timer = null;
  var sequence = 0;
  var pinnedLine = null;

  function say(text) { status.textContent = text; }

  function kind() {
    return window.PlaygroundKinds ? PlaygroundKinds.current(editor.value) : 'dockerfile';
  }

  function explain(thenPinLine) {
    var mine = ++sequence;
    say('Explaining\u2026');
    return fetch('/api/explain?kind=' + encodeURIComponent(kind()), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Accept': 'text/html' },
      body: editor.value
    }).then(function (response) {
      return response.text().then(function (html) {
        if (mine !== sequence) return;
        result.innerHTML = html; // server-rendered and escaped; no script inside
        pinnedLine = null;
        if (window.DockerfileExplainer) window.DockerfileExplainer.init(result);
        say(response.ok ? '' : 'Could not explain this text.');
        if (thenPinLine) pin(thenPinLine);
      });
    }).catch(function () {
      if (mine === sequence) say('The server could not be reached.');
    });
  }

  function pin(line) {
    var root = result.querySelector('[data-explainer]');
    if (root && root.__explainer) root.__explainer.openFragment('#' + root.id + '-L' + line);
  }

  // Line numbers beside the editor, scrolled with it.
  var gutter = form.querySelector('[data-editor-lines]');
  var counted = 0;
  function number() {
    if (!gutter) return;
    var n = editor.value.split('\n').length;
    if (n !== counted) {
      counted = n;
      var text = [];
      for (var i = 1; i <= n; i++) text.push(i);
      gutter.textContent = text.join('\n');
    }
    gutter.scrollTop = editor.scrollTop;
  }
  editor.addEventListener('scroll', number);
  number();

  editor.addEventListener('input', function () {
    number();
    clearTimeout(timer);
    timer = setTimeout(explain, 350);
  });
  // "Apply fix" in the explanation edits the learner's own text, then explains it again at the same line.
  result.addEventListener('explainer:edit', function (event) {
    event.preventDefault();
    editor.value = event.detail.text;
    number();
    clearTimeout(timer);
    explain(event.detail.line).then(function () {
      say('Fix applied to your Dockerfile (' + (event.detail.topic || 'warning') + ').');
      var root = result.querySelector('[data-explainer]');
      if (root && root.__explainer) root.__explainer.focusCode();
    });
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    explain();
  });
  if (window.PlaygroundKinds) PlaygroundKinds.onChange(function () { explain(); });
  result.addEventListener('explainer:pin', function (event) {
    pinnedLine = event.detail && event.detail.line;
  });

  // Choosing an example never loses the learner's own text: it is kept, and one button brings it back.
  var undoButton = document.querySelector('[data-undo-example]');
  var ownText = null;
  function isExample(text) {
    return text.trim() === '' || Array.prototype.some.call(document.querySelectorAll('template[data-example]'),
      function (t) { return t.content.textContent.trim() === text.trim(); });
  }
  if (examples) {
    examples.addEventListener('change', function () {
      var template = document.querySelector('template[data-example="' + examples.value + '"]');
      if (!template) return;
      if (!isExample(editor.value)) ownText = editor.value;
      editor.value = template.content.textContent;
      number();
      if (undoButton && ownText !== null) undoButton.hidden = false;
      explain().then(function () {
        if (ownText !== null) say('Example loaded. Your own Dockerfile is kept: “Bring back your Dockerfile” restores it.');
      });
    });
  }
  if (undoButton) {
    undoButton.addEventListener('click', function () {
      if (ownText === null) return;
      editor.value = ownText;
      number();
      ownText = null;
      undoButton.hidden = true;
      editor.focus();
      explain().then(function () { say('Your Dockerfile is back.'); });
    });
  }

  if (shareButton && window.ShareCodec) {
    shareButton.addEventListener('click', function () {
      ShareCodec.encode(editor.value).then(function (packed) {
        // The kind travels with the text (embeds read it too); a Dockerfile, the default, needs none.
        var k = kind();
        var url = location.origin + location.pathname + '#code=' + encodeURIComponent(packed)
          + (k !== 'dockerfile' ? '&kind=' + encodeURIComponent(k) : '') + (pinnedLine ? '&line=' + pinnedLine : '');
        history.replaceState(null, '', url);
        var done = function () { say('Link copied. It holds the whole Dockerfile; nothing is stored on the server.'); };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, function () { say('Copy this link from the address bar.'); });
        } else {
          say('Copy this link from the address bar.');
        }
      });
    });
  }

  var shared = window.ShareCodec ? ShareCodec.parseFragment(location.hash) : {};
  if (shared.code) {
    ShareCodec.decode(shared.code).then(function (text) {
      editor.value = text;
      number();
      if (shared.kind && window.PlaygroundKinds) PlaygroundKinds.choose(shared.kind);
      return explain(shared.line ? parseInt(shared.line, 10) : null);
    }, function (error) { say(error.message); });
  }
})();
