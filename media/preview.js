// @ts-check
/**
 * The one script of the DR-Plan preview webview (client/src/preview/). It shows the document
 * the extension sends, keeps the scroll position across updates, scrolls in step with the
 * editor in both directions, jumps to the source line on double-click, and asks the extension
 * to export. It never builds markup from plan text: the HTML comes from the language server,
 * which escapes every author string, and runs under a Content-Security-Policy that allows this
 * script only (by its nonce).
 *
 * The line mapping at the top is pure and also loaded by test/unit/previewScroll.test.ts.
 */
(function () {
  'use strict';

  /**
   * @typedef {{ line: number, top: number }} Block
   * A rendered block with its 0-based source line and its offset from the top of the page, in
   * document order.
   */

  /**
   * Which blocks read in source order. The document does not follow the file: the overview
   * matrix, the contacts and the emergency card show scenarios again, far from their own
   * section. The longest run of blocks whose lines never decrease is the document's main
   * thread; the other blocks are repetitions. (Patience-style longest non-decreasing
   * subsequence, O(n log n).)
   * @param {readonly Block[]} blocks
   * @returns {boolean[]} for each block, whether it belongs to the main thread
   */
  function mainThread(blocks) {
    /** @type {number[]} tails[k]: index of the smallest last line of a run of length k+1 */
    const tails = [];
    /** @type {number[]} */
    const previous = new Array(blocks.length).fill(-1);
    for (let i = 0; i < blocks.length; i++) {
      const line = blocks[i].line;
      // The first run whose last line is greater than this one (non-decreasing: ties extend).
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (blocks[tails[middle]].line <= line) low = middle + 1;
        else high = middle;
      }
      if (low > 0) previous[i] = tails[low - 1];
      tails[low] = i;
    }
    const result = new Array(blocks.length).fill(false);
    for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) result[i] = true;
    return result;
  }

  /**
   * The page offset to scroll to so that source line `line` is at the top: the block of the main
   * thread where that line begins, interpolated towards the next one; a repetition only when it
   * is the only block from a nearer line.
   * @param {readonly Block[]} blocks
   * @param {number} line
   * @returns {number}
   */
  function offsetForLine(blocks, line) {
    if (blocks.length === 0 || line <= 0) return 0;
    const main = mainThread(blocks);
    /** @type {Block | undefined} */
    let before;
    /** @type {Block | undefined} */
    let after;
    /** @type {Block | undefined} */
    let nearest;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      if (block.line <= line && (!nearest || block.line > nearest.line)) nearest = block;
      if (!main[i]) continue;
      // The first block of the last line at or before `line` (a section and its heading share one).
      if (block.line <= line && (!before || block.line > before.line)) before = block;
      if (block.line > line && !after) after = block;
    }
    if (!before) return nearest ? nearest.top : 0;
    if (nearest && nearest.line > before.line) return nearest.top;
    if (!after || after.line === before.line) return before.top;
    const fraction = (line - before.line) / (after.line - before.line);
    return before.top + (after.top - before.top) * fraction;
  }

  /**
   * The source line shown at page offset `offset` (the top of the view): the last block that
   * begins at or above it, interpolated towards the next block when that one continues the
   * source downwards. Above the first block the view shows the beginning: line 0.
   * @param {readonly Block[]} blocks
   * @param {number} offset
   * @returns {number | undefined} a fractional line, undefined when no block has a line
   */
  function lineForOffset(blocks, offset) {
    let index = -1;
    for (let i = 0; i < blocks.length; i++) {
      if (blocks[i].top <= offset) index = i;
    }
    if (index < 0) return blocks.length > 0 ? 0 : undefined;
    const current = blocks[index];
    const next = blocks.slice(index + 1).find((block) => block.top > current.top);
    if (!next || next.line <= current.line) return current.line;
    const fraction = Math.min(1, Math.max(0, (offset - current.top) / (next.top - current.top)));
    return current.line + (next.line - current.line) * fraction;
  }

  const pure = { mainThread, offsetForLine, lineForOffset };
  if (typeof module === 'object' && module && module.exports) module.exports = pure;
  if (typeof acquireVsCodeApi !== 'function') return;

  // ---------------------------------------------------------------------------------------------
  // In the webview.

  const vscode = acquireVsCodeApi();
  const content = /** @type {HTMLElement} */ (document.getElementById('drplan-content'));
  const status = /** @type {HTMLElement} */ (document.getElementById('drplan-status'));
  /** @type {{ uri?: string, line?: number, version?: number }} */
  const state = Object.assign({}, readInitialState(), vscode.getState() || {});

  /** Until this time, scroll events are the preview's own (a sync from the editor), not the user's. */
  let ownScrollUntil = 0;
  /** The blocks' positions, measured once per layout. */
  /** @type {Block[] | undefined} */
  let measured;

  function readInitialState() {
    try {
      return JSON.parse(document.body.dataset.state || '{}');
    } catch {
      return {};
    }
  }

  function saveState() {
    vscode.setState(state);
  }

  /** @returns {Block[]} */
  function blocks() {
    if (measured) return measured;
    const scrollY = window.scrollY;
    measured = [];
    for (const element of content.querySelectorAll('[data-line]')) {
      const line = Number(/** @type {HTMLElement} */ (element).dataset.line);
      const box = element.getBoundingClientRect();
      // Hidden blocks (height 0 and not laid out) would pull the view to the top.
      if (!Number.isFinite(line) || (box.height === 0 && box.top === 0)) continue;
      measured.push({ line, top: box.top + scrollY });
    }
    return measured;
  }

  /** The table columns' widths: an inline style would break the Content-Security-Policy. */
  function applyColumnWidths() {
    for (const column of content.querySelectorAll('col[data-width]')) {
      /** @type {HTMLElement} */ (column).style.width = /** @type {HTMLElement} */ (column).dataset.width || '';
    }
  }

  /** @param {number} top */
  function scrollToOffset(top) {
    ownScrollUntil = performance.now() + 250;
    window.scrollTo({ top: Math.max(0, Math.round(top)), behavior: 'instant' });
  }

  /** @param {number} line */
  function scrollToLine(line) {
    scrollToOffset(offsetForLine(blocks(), line));
    state.line = line;
    saveState();
  }

  /**
   * @param {string} html
   * @param {number} version
   * @param {number | undefined} line where to scroll; keep the position when undefined
   * @param {string | undefined} uri the plan shown (the preview follows the active editor)
   */
  function update(html, version, line, uri) {
    const scrollY = window.scrollY;
    if (typeof uri === 'string') state.uri = uri;
    content.innerHTML = html;
    measured = undefined;
    applyColumnWidths();
    if (typeof line === 'number') scrollToLine(line);
    else scrollToOffset(scrollY);
    state.version = version;
    saveState();
    const title = content.querySelector('.doc-title');
    const chapters = Array.from(content.querySelectorAll('h2'), (heading) => (heading.textContent || '').trim()).slice(0, 100);
    vscode.postMessage({ type: 'rendered', version, title: title ? title.textContent : null, blocks: blocks().length, chapters });
  }

  /** @param {string | undefined} message */
  function showStatus(message) {
    status.textContent = message || '';
    status.hidden = !message;
    measured = undefined;
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    switch (message.type) {
      case 'update':
        if (typeof message.html === 'string' && typeof message.version === 'number') update(message.html, message.version, message.line, message.uri);
        break;
      case 'scrollToLine':
        if (typeof message.line === 'number') scrollToLine(message.line);
        break;
      case 'status':
        showStatus(typeof message.message === 'string' ? message.message : undefined);
        break;
    }
  });

  // The user scrolls the preview: the editor follows (once per frame at most).
  let scrollFrame = 0;
  window.addEventListener(
    'scroll',
    () => {
      if (performance.now() < ownScrollUntil || scrollFrame) return;
      scrollFrame = requestAnimationFrame(() => {
        scrollFrame = 0;
        const line = lineForOffset(blocks(), window.scrollY);
        if (line === undefined) return;
        state.line = line;
        saveState();
        vscode.postMessage({ type: 'revealLine', line });
      });
    },
    { passive: true },
  );

  window.addEventListener('resize', () => {
    measured = undefined;
  });

  // Double-click: to the source line of the block under the mouse.
  document.addEventListener('dblclick', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-line]') : null;
    if (!target) return;
    const line = Number(/** @type {HTMLElement} */ (target).dataset.line);
    if (Number.isFinite(line)) vscode.postMessage({ type: 'openLine', line });
  });

  // Links: only to ids of the document. Anything else is not followed.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') || '';
    if (!href.startsWith('#')) return;
    const target = document.getElementById(decodeURIComponent(href.slice(1)));
    if (target) target.scrollIntoView({ block: 'start' });
  });

  for (const button of document.querySelectorAll('button[data-export]')) {
    button.addEventListener('click', () => vscode.postMessage({ type: 'export', format: /** @type {HTMLElement} */ (button).dataset.export }));
  }

  applyColumnWidths();
  if (typeof state.line === 'number') scrollToLine(state.line);
  saveState();
  vscode.postMessage({ type: 'ready', version: Number(document.body.dataset.version), line: state.line });
})();
