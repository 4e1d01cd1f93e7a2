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
  var loadButton = document.querySelector('[data-load-example]');
  var timer = null;
  var sequence = 0;
  var pinnedLine = null;

  function say(text) { status.textContent = text; }

  function explain(thenPinLine) {
    var mine = ++sequence;
    say('Explaining\u2026');
    return fetch('/api/explain', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'Accept': 'text/html' },
      body: editor.value
    }).then(function (response) {
      return response.text().then(function (html) {
        if (mine !== sequence) return;
        result.innerHTML = html; // server-rendered and escaped; no script inside
        pinnedLine = null;
        if (window.DockerfileExplainer) window.DockerfileExplainer.init(result);
        say(response.ok ? '' : 'Could not explain this Dockerfile.');
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

  editor.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(explain, 350);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    explain();
  });
  result.addEventListener('explainer:pin', function (event) {
    pinnedLine = event.detail && event.detail.line;
  });

  if (examples && loadButton) {
    loadButton.hidden = true;
    examples.addEventListener('change', function () {
      var template = document.querySelector('template[data-example="' + examples.value + '"]');
      if (!template) return;
      editor.value = template.content.textContent;
      explain();
    });
  }

  if (shareButton && window.ShareCodec) {
    shareButton.hidden = false;
    shareButton.addEventListener('click', function () {
      ShareCodec.encode(editor.value).then(function (packed) {
        var url = location.origin + location.pathname + '#code=' + encodeURIComponent(packed)
          + (pinnedLine ? '&line=' + pinnedLine : '');
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
      return explain(shared.line ? parseInt(shared.line, 10) : null);
    }, function (error) { say(error.message); });
  }
})();
