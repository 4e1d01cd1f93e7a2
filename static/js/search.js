// Offline search for the static export: when the search page says so (data-offline-index), it ranks
// the sections of the prebuilt index (search-index.js, a script so it also loads from file://) in the
// browser. On the server, results come rendered.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var page = document.querySelector('[data-search-page][data-offline-index]');
  if (!page) return;
  var query = new URLSearchParams(location.search).get('q') || '';
  var input = page.querySelector('input[name=q]');
  input.value = query;
  if (!query.trim()) return;
  var status = page.querySelector('[data-search-status]');
  var list = page.querySelector('[data-search-results]');
  var loaded = window.DockerTutorialSearchIndex
    ? Promise.resolve(window.DockerTutorialSearchIndex) : Promise.reject(new Error('no index'));
  loaded.then(function (sections) {
    var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
    var hits = sections.map(function (s) {
      var title = (s.lessonTitle + ' ' + s.heading).toLowerCase();
      var body = (s.text + ' ' + s.code).toLowerCase();
      var score = 0;
      terms.forEach(function (t) {
        if (title.indexOf(t) >= 0) score += 3;
        var i = -1, n = 0;
        while ((i = body.indexOf(t, i + 1)) >= 0 && n < 20) n++;
        score += n;
      });
      return { s: s, score: terms.every(function (t) { return (title + ' ' + body).indexOf(t) >= 0; }) ? score : 0 };
    }).filter(function (h) { return h.score > 0; }).sort(function (a, b) { return b.score - a.score; }).slice(0, 20);
    status.textContent = hits.length ? hits.length + ' results for \u201c' + query + '\u201d' : 'Nothing found for \u201c' + query + '\u201d.';
    hits.forEach(function (h) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = h.s.url.replace(/^\/lessons\/([^#]+)/, 'lessons/$1.html');
      a.textContent = h.s.lessonTitle + (h.s.heading !== h.s.lessonTitle ? ' \u203a ' + h.s.heading : '');
      var p = document.createElement('p');
      var text = h.s.text || h.s.code;
      var at = Math.max(0, text.toLowerCase().indexOf(terms[0]) - 60);
      var snippet = (at > 0 ? '\u2026' : '') + text.slice(at, at + 160);
      var lower = snippet.toLowerCase();
      var pos = 0;
      while (pos < snippet.length) {
        var next = -1, len = 0;
        terms.forEach(function (t) { var i = lower.indexOf(t, pos); if (i >= 0 && (next < 0 || i < next)) { next = i; len = t.length; } });
        if (next < 0) { p.appendChild(document.createTextNode(snippet.slice(pos))); break; }
        p.appendChild(document.createTextNode(snippet.slice(pos, next)));
        var mark = document.createElement('mark');
        mark.textContent = snippet.slice(next, next + len);
        p.appendChild(mark);
        pos = next + len;
      }
      li.appendChild(a);
      li.appendChild(p);
      list.appendChild(li);
    });
  }).catch(function () { status.textContent = 'The search index could not be loaded.'; });
});
