// The playground's "Kind of text" select: the learner's choice, or "Automatic", which guesses the kind from
// the text with the same rules as the server (playground/Kinds.java) and says what it detected.
(function () {
  'use strict';
  var select = document.querySelector('[data-kind]');
  var detected = document.querySelector('[data-kind-detected]');
  if (!select) return;
  var labels = {};
  Array.prototype.forEach.call(select.options, function (o) { labels[o.value] = o.textContent; });

  var COMPOSE = /^services:\s*(?:#.*)?$/m;
  var COMMAND = /^\s*(?:\$\s+|PS[^>]*>\s*)?docker(?:\s|$)/;
  var INSTRUCTION = /^\s*(?:FROM|ARG|RUN|COPY|ADD|CMD|ENTRYPOINT|ENV|WORKDIR|USER|EXPOSE|LABEL|VOLUME|HEALTHCHECK|SHELL|STOPSIGNAL|ONBUILD|MAINTAINER)(?:\s|$)/i;

  function guess(text) {
    if (COMPOSE.test(text)) return 'compose';
    var lines = text.split(/\r?\n/).map(function (l) { return l.trim(); })
      .filter(function (l) { return l !== '' && l.charAt(0) !== '#'; });
    var first = lines[0] || '';
    if (COMMAND.test(first)) return 'command';
    if (first === '' || INSTRUCTION.test(first)) return 'dockerfile';
    return lines.every(function (l) { return l.indexOf(' ') < 0; }) ? 'dockerignore' : 'dockerfile';
  }

  /** The kind to explain the text as; updates the "Detected" note when the choice is automatic. */
  function current(text) {
    if (select.value !== 'auto') {
      if (detected) detected.textContent = '';
      return select.value;
    }
    var kind = guess(text);
    if (!labels[kind]) kind = 'dockerfile';
    if (detected) detected.textContent = 'Detected: ' + labels[kind];
    return kind;
  }

  window.PlaygroundKinds = {
    current: current,
    choose: function (kind) { if (labels[kind]) select.value = kind; },
    onChange: function (listener) { select.addEventListener('change', listener); }
  };
})();
