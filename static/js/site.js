// Site chrome: theme toggle, copy buttons, the lesson menu on small screens. No dependencies.
(function () {
  'use strict';
  var root = document.documentElement;

  function currentTheme() {
    var set = root.getAttribute('data-theme');
    if (set) return set;
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  var toggle = document.querySelector('.theme-toggle');
  if (toggle) {
    var show = function () {
      var dark = currentTheme() === 'dark';
      toggle.setAttribute('aria-pressed', String(dark));
      toggle.title = dark ? 'Switch to the light theme' : 'Switch to the dark theme';
    };
    toggle.hidden = false;
    show();
    toggle.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem('dt-theme', next); } catch (e) { /* not remembered */ }
      show();
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.copy-button');
    if (!button) return;
    var text = button.getAttribute('data-copy') || '';
    var done = function (ok) {
      button.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      button.classList.toggle('is-copied', ok);
      setTimeout(function () { button.textContent = 'Copy'; button.classList.remove('is-copied'); }, 1800);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallbackCopy(text)); });
    } else {
      done(fallbackCopy(text));
    }
  });

  // Clipboard API needs a secure context; classrooms often use plain http on a LAN address.
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  // The sticky header's height: the menu opens below it, explanations stick below it.
  var header = document.querySelector('.site-header');
  function measureHeader() {
    if (header) root.style.setProperty('--header-h', header.offsetHeight + 'px');
  }
  measureHeader();
  window.addEventListener('resize', measureHeader);

  // The menu on narrow screens: full height below the header, the page behind it inert.
  var navToggle = document.querySelector('.nav-toggle');
  var menu = document.getElementById('site-menu');
  if (navToggle && menu) {
    var setOpen = function (open) {
      navToggle.setAttribute('aria-expanded', String(open));
      menu.hidden = !open;
      root.classList.toggle('menu-open', open);
      Array.prototype.forEach.call(document.body.children, function (child) {
        if (child.contains(menu)) return;
        if (open) child.setAttribute('inert', ''); else child.removeAttribute('inert');
      });
    };
    navToggle.addEventListener('click', function () {
      measureHeader();
      setOpen(navToggle.getAttribute('aria-expanded') !== 'true');
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !menu.hidden) {
        setOpen(false);
        navToggle.focus();
      }
    });
    var wide = window.matchMedia('(min-width: 801px)');
    var closeWhenWide = function () { if (wide.matches && !menu.hidden) setOpen(false); };
    if (wide.addEventListener) wide.addEventListener('change', closeWhenWide);
  }
})();
