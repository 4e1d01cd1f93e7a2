// Runs in <head> before the first paint, so a remembered theme never flashes the other one.
(function () {
  // Buttons that need a script (class js-only) show from the first paint: no layout shift later.
  document.documentElement.classList.add('js');
  try {
    var t = localStorage.getItem('dt-theme');
    if (t === 'dark' || t === 'light') document.documentElement.setAttribute('data-theme', t);
  } catch (e) { /* storage blocked: follow the system */ }
})();
