// Packs a Dockerfile into a URL fragment and back: deflate-raw (CompressionStream) + base64url,
// prefixed "z:"; where CompressionStream is missing, plain base64url of UTF-8, prefixed "b:".
(function () {
  'use strict';
  function toBase64Url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function fromBase64Url(text) {
    var s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }
  function pipe(bytes, stream) {
    return new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer()
      .then(function (buffer) { return new Uint8Array(buffer); });
  }
  function encode(text) {
    var bytes = new TextEncoder().encode(text);
    if (typeof CompressionStream === 'undefined') return Promise.resolve('b:' + toBase64Url(bytes));
    return pipe(bytes, new CompressionStream('deflate-raw')).then(function (z) { return 'z:' + toBase64Url(z); });
  }
  function decode(packed) {
    try {
      var kind = packed.slice(0, 2);
      var bytes = fromBase64Url(packed.slice(2));
      if (kind === 'b:') return Promise.resolve(new TextDecoder().decode(bytes));
      if (kind === 'z:' && typeof DecompressionStream !== 'undefined') {
        return pipe(bytes, new DecompressionStream('deflate-raw')).then(function (b) { return new TextDecoder().decode(b); });
      }
    } catch (e) { /* fall through */ }
    return Promise.reject(new Error('This link does not hold a Dockerfile we can read.'));
  }
  /** Reads "code=…&line=…" from a fragment. */
  function parseFragment(hash) {
    var out = {};
    (hash || '').replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq > 0) out[part.slice(0, eq)] = decodeURIComponent(part.slice(eq + 1));
    });
    return out;
  }
  window.ShareCodec = { encode: encode, decode: decode, parseFragment: parseFragment };
})();
