// Where the explainer's panel goes (loaded after explainer.js). Where there is room it sits beside the
// code, level with the active line (clamped inside the code) and never taller than the window; otherwise
// it is a bottom sheet, and the page scrolls so the active line stays visible above it. Also marks the
// code lines that wrap, so the gutter can show a continuation mark.
(function () {
  'use strict';
  var X = window.DockerfileExplainer;
  var P = X.Explainer.prototype;
  var slice = X.slice;
  // The code's own column needs about 28 em before the panel may take room beside it; below that
  // (a 1024 px window with the lesson list) the panel is a sheet instead of squeezing both.
  var BESIDE_MIN_WIDTH = 780;
  var openSheet = null; // the explainer whose bottom sheet is open (one at a time)

  P.layout = function () {
    // In an embed frame (as tall as its content) a sheet fixed to the frame's bottom could be far off
    // the host page's screen: there the panel stays under the code.
    var embedded = !!this.root.closest('.embed-body');
    // The annotated view needs the whole width for code and notes: its full explanations open in a sheet.
    var width = this.root.clientWidth;
    var beside = !this.annotated && width >= BESIDE_MIN_WIDTH;
    this.root.classList.toggle('is-roomy', width >= 700); // room for notes beside the lines
    var sheet = !embedded && !beside;
    this.root.classList.toggle('is-stacked', embedded && !beside);
    this.root.classList.toggle('is-beside', beside);
    this.root.classList.toggle('is-sheet', sheet);
    this.sheet = sheet;
    this.markWrapped();
    this.updateSheet();
    this.align();
  };

  // Browsers may break a line after a hyphen or a slash ("--no-" / "cache-dir"): words that have one are
  // kept whole (CSS nowrap), so code wraps only at spaces.
  P.keepWords = function () {
    slice(this.code.querySelectorAll('.line-code')).forEach(function (code) {
      var walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      var nodes = [];
      while (walker.nextNode()) if (/[-\/]/.test(walker.currentNode.data)) nodes.push(walker.currentNode);
      nodes.forEach(function (node) {
        var parts = node.data.split(/(\s+)/);
        if (parts.length === 1 && node.parentNode.classList.contains('nobr')) return;
        var frag = document.createDocumentFragment();
        parts.forEach(function (piece) {
          if (!piece) return;
          if (/^\s+$/.test(piece) || !/[-\/]/.test(piece)) frag.appendChild(document.createTextNode(piece));
          else { var span = document.createElement('span'); span.className = 'nobr'; span.textContent = piece; frag.appendChild(span); }
        });
        node.parentNode.replaceChild(frag, node);
      });
    });
  };

  // Lines taller than one row wrapped: they get a continuation mark in the gutter (CSS).
  P.markWrapped = function () {
    var lines = this.lines;
    if (!lines.length) return;
    var row = parseFloat(getComputedStyle(this.code).lineHeight) || 22;
    var heights = lines.map(function (l) { return l.offsetHeight; }); // read all, then write all
    lines.forEach(function (l, i) { l.classList.toggle('is-wrapped', heights[i] > row * 1.5); });
  };

  P.sheetOpen = function () {
    return this.sheet && this.active >= 0 && (this.pinned || this.keyboard);
  };

  P.updateSheet = function () {
    // A block replaced on the page (the playground, Apply fix) may still hear its resize observer: it must
    // not close the sheet of the block that replaced it.
    var open = this.root.isConnected && this.sheetOpen();
    this.root.classList.toggle('is-sheet-open', open);
    if (!open) this.root.classList.remove('is-sheet-full');
    if (open && openSheet && openSheet !== this) openSheet.unpin(true);
    if (open) openSheet = this;
    else if (openSheet === this) openSheet = null;
    var docEl = document.documentElement;
    docEl.classList.toggle('has-explainer-sheet', !!openSheet);
    if (openSheet) docEl.style.setProperty('--sheet-space', openSheet.panel.offsetHeight + 'px');
  };

  X.forgetSheet = function (explainers) {
    if (openSheet && explainers.indexOf(openSheet) < 0) {
      openSheet = null;
      document.documentElement.classList.remove('has-explainer-sheet');
    }
  };

  // Beside the code: the panel's top level with the active instruction's first line, moved as little as
  // needed for all of it to be in the window (it is never taller), and kept within the code's height where
  // that still shows its title row.
  P.align = function () {
    if (this.sheet || this.active < 0 || !this.root.classList.contains('is-beside')) {
      this.panel.style.marginTop = '';
      this.panel.style.maxHeight = '';
      return;
    }
    var first = (this.byInstruction[this.active] || [])[0];
    if (!first) return;
    var frame = this.code.parentNode.getBoundingClientRect();
    if (this.root.closest('.embed-body')) {
      // An embed frame is as tall as its content: the panel moves only within the code, so pointing at
      // lines never changes the frame's height (the host page would jump).
      var room = frame.height - this.panel.offsetHeight;
      var at = first.getBoundingClientRect().top - frame.top;
      this.panel.style.marginTop = Math.max(0, Math.min(at, room)) + 'px';
      return;
    }
    // No taller than the code (or 20 rem for short code), nor than the window below the header.
    var cap = Math.min(Math.max(frame.height, 320), window.innerHeight - headerBottom() - 24);
    this.panel.style.maxHeight = cap + 'px';
    var height = this.panel.offsetHeight;
    var top = first.getBoundingClientRect().top;
    var want = Math.max(headerBottom() + 8, Math.min(top, window.innerHeight - 8 - height)) - frame.top;
    var inFrame = Math.min(want, frame.height - height);
    // Within the code's height if that keeps the title row in the window; else in the window (the block grows).
    var offset = Math.max(0, frame.top + inFrame >= headerBottom() ? inFrame : want);
    this.panel.style.marginTop = offset + 'px';
  };

  function headerBottom() {
    var header = document.querySelector('.site-header');
    if (!header) return 0;
    var style = getComputedStyle(header);
    return style.position === 'sticky' || style.position === 'fixed' ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
  }
  X.headerBottom = headerBottom;

  // Scrolls the page so the active instruction is in view: below the sticky header and, in sheet
  // mode, above the sheet; beside the code, so is the panel's header. A long instruction shows from its
  // first line.
  P.reveal = function () {
    var lines = this.byInstruction[this.active] || [];
    if (!lines.length) return;
    var top = headerBottom() + 8;
    var bottom = window.innerHeight - (this.sheetOpen() ? this.panel.offsetHeight : 0) - 8;
    var first = lines[0].getBoundingClientRect();
    var last = lines[lines.length - 1].getBoundingClientRect();
    var focusLine = this.part >= 0 ? this.parts[this.active][this.part].spans[0].getBoundingClientRect() : null;
    var tall = last.bottom - first.top > bottom - top;
    var useFocus = tall && focusLine && focusLine.bottom > bottom;
    var delta = 0;
    if (tall) {
      delta = (useFocus ? focusLine.top : first.top) - top;
    } else if (first.top < top) {
      delta = first.top - top;
    } else if (last.bottom > bottom) {
      delta = last.bottom - bottom;
    }
    var beside = this.root.classList.contains('is-beside');
    if (!this.sheet && !beside) {
      // Under the code (an embed frame): the panel is at most as tall as the window; bring all of it in,
      // header first.
      var p = this.panel.getBoundingClientRect();
      if (p.top - delta < top) delta = p.top - top;
      else if (p.bottom - delta > window.innerHeight - 8) delta = Math.min(p.bottom - window.innerHeight + 8, p.top - top);
    }
    if (delta) window.scrollBy({ top: delta, left: 0, behavior: 'instant' });
    if (beside) this.revealPanel(lines, useFocus ? this.parts[this.active][this.part].spans[0] : null, tall, top, bottom, delta);
    var target = this.panelTarget();
    if (target) this.scrollPanelTo(target);
  };

  // Beside the code, after the page moved for the lines: the panel was placed level with the line where it
  // was before, so it is placed again (align keeps it in the window, but never above the code's top). What
  // is still out of the window (a panel taller than the lines below it) is brought in by moving the page as
  // far as the lines stay in view: first the lines, then the panel, never the panel's old place (End from
  // the top of a long lesson once left the last line half below the window).
  P.revealPanel = function (lines, focusSpan, tall, top, bottom, moved) {
    if (moved) this.align();
    var p = this.panel.getBoundingClientRect();
    var more = 0;
    if (p.top < top) more = p.top - top;
    else if (p.bottom > window.innerHeight - 8) more = Math.min(p.bottom - window.innerHeight + 8, p.top - top);
    if (!more) return;
    var upper = (focusSpan || lines[0]).getBoundingClientRect();
    var lower = (tall ? focusSpan || lines[0] : lines[lines.length - 1]).getBoundingClientRect();
    more = more > 0 ? Math.min(more, Math.max(0, upper.top - top)) : Math.max(more, Math.min(0, lower.bottom - bottom));
    if (!more) return;
    window.scrollBy({ top: more, left: 0, behavior: 'instant' });
    this.align();
  };

  // What the panel should show first: the current flag or command's entry, else the top.
  P.panelTarget = function () {
    return this.body.querySelector('.note-part.is-current');
  };

  // Scrolls the panel itself (never the page) so the element is in its visible part.
  P.scrollPanelTo = function (element) {
    var box = this.panel.getBoundingClientRect();
    var bar = this.panel.querySelector('.panel-bar');
    // Below the panel's sticky bar (and its border), above its bottom edge and the screen's.
    var visibleTop = Math.max(bar && bar.offsetHeight ? bar.getBoundingClientRect().bottom : box.top + this.panel.clientTop,
      headerBottom());
    var visibleBottom = Math.min(box.bottom, window.innerHeight);
    var r = element.getBoundingClientRect();
    if (r.bottom > visibleBottom) {
      this.panel.scrollTop += Math.max(0, Math.min(r.bottom - visibleBottom + 8, r.top - visibleTop - 12));
    } else if (r.top < visibleTop) {
      this.panel.scrollTop -= visibleTop - r.top + 12;
    }
  };
})();
