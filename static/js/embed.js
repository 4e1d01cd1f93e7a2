// Docker Tutorial's drop-in embed script. Add <script src="https://HOST/embed.js" async></script>;
// every <pre class="dockerfile-explain"> and <dockerfile-explainer> becomes an explainer iframe that
// sizes itself from the {type: "docker-tutorial:resize", height} messages its page posts.
(function () {
  'use strict';
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : location.origin;
  var frames = [];

  function toBase64Url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function pack(text) {
    var bytes = new TextEncoder().encode(text);
    if (typeof CompressionStream === 'undefined') return Promise.resolve('b:' + toBase64Url(bytes));
    var stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (b) { return 'z:' + toBase64Url(new Uint8Array(b)); });
  }

  function mount(element) {
    if (element.getAttribute('data-embedded')) return;
    element.setAttribute('data-embedded', 'true');
    var text = element.textContent.replace(/^\n/, '');
    var theme = element.getAttribute('data-theme') || element.getAttribute('theme');
    pack(text).then(function (packed) {
      var frame = document.createElement('iframe');
      frame.src = base + '/embed/explain' + (theme === 'dark' || theme === 'light' ? '?theme=' + theme : '')
        + '#code=' + encodeURIComponent(packed);
      frame.title = element.getAttribute('title') || 'Dockerfile, explained line by line';
      frame.setAttribute('loading', 'lazy');
      frame.className = 'dockerfile-explain-frame';
      frame.style.width = '100%';
      frame.style.border = '0';
      frame.style.height = '320px';
      frame.style.display = 'block';
      frames.push(frame);
      if (element.tagName.toLowerCase() === 'dockerfile-explainer') {
        element.textContent = '';
        element.appendChild(frame);
      } else {
        element.parentNode.replaceChild(frame, element);
      }
    });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== base || !event.data || event.data.type !== 'docker-tutorial:resize') return;
    var height = Number(event.data.height);
    if (!(height > 0 && height < 100000)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
    }
  });

  function scan() {
    Array.prototype.forEach.call(document.querySelectorAll('pre.dockerfile-explain, dockerfile-explainer'), mount);
  }
  if (window.customElements && !customElements.get('dockerfile-explainer')) {
    customElements.define('dockerfile-explainer', class extends HTMLElement {
      connectedCallback() {
        var self = this;
        // Children are parsed after the element is connected; wait for them.
        setTimeout(function () { mount(self); }, 0);
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan); else scan();
})();
