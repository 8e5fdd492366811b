/**
 * Browser code of the extension's webviews (bundled to dist/webview.js). `data-view` on <body> says which page this is:
 * - "audit": the report is static HTML from the extension; this script forwards export and open-location clicks.
 * - "licenses": renders the license comparison from the extension's `licenses` message with DOM APIs (textContent
 *   only, so workspace strings are never parsed as HTML) and keeps the panel state with setState for reloads.
 */
import type { FromWebview, LicensePanelState, LicenseView, ToWebview } from '../extension/webview/messages';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

/** Only http(s) links from the catalog become anchors; anything else is shown as text. */
function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function setupAudit(): void {
  document.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement | null)?.closest('button');
    if (!target) return;
    const format = target.getAttribute('data-export');
    if (format === 'markdown' || format === 'csv' || format === 'json') {
      vscode.postMessage({ type: 'export', format });
      return;
    }
    const file = target.getAttribute('data-open-file');
    if (file !== null) {
      const cell = target.getAttribute('data-cell');
      vscode.postMessage({
        type: 'open',
        file,
        line: Number(target.getAttribute('data-line') ?? '1'),
        column: Number(target.getAttribute('data-column') ?? '1'),
        ...(cell ? { cell: Number(cell) } : {}),
      });
    }
  });
}

const TONE_LABEL: Record<string, string> = { good: 'no concern', caution: 'check', bad: 'problem', unknown: 'unknown' };
/** A shape per tone, so the verdict never depends on colour alone. */
const TONE_MARK: Record<string, string> = { good: '✓ ', caution: '! ', bad: '✗ ', unknown: '? ' };

function renderLicenses(view: LicenseView): void {
  const root = document.getElementById('licenses-root');
  if (!root) return;
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  root.replaceChildren();

  for (const note of view.notes) root.append(el('p', { class: 'note' }, note));

  const table = el('table', { id: 'license-table' });
  table.append(el('caption', {}, `License terms of ${view.columns.length} models`));
  const head = el('thead');
  const headRow = el('tr');
  headRow.append(el('th', { scope: 'col' }, 'Term'));
  for (const col of view.columns) {
    const th = el('th', { scope: 'col', 'data-model-id': col.modelId });
    th.append(el('span', { class: 'model-name' }, col.modelName));
    th.append(el('span', { class: `origin origin-${col.origin}` }, col.origin === 'used' ? 'used here' : col.origin === 'suggested' ? 'suggested' : 'added'));
    const licenseHref = safeHref(col.licenseUrl);
    if (licenseHref) th.append(el('a', { href: licenseHref, class: 'license-name' }, col.licenseName));
    else th.append(el('span', { class: 'license-name' }, col.licenseName));
    const remove = el('button', { type: 'button', class: 'remove', id: `remove-${col.modelId}`, 'aria-label': `Remove column ${col.modelName}` }, 'Remove');
    remove.addEventListener('click', () => vscode.postMessage({ type: 'removeModel', modelId: col.modelId }));
    th.append(remove);
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);

  const body = el('tbody');
  for (const row of view.rows) {
    const tr = el('tr', { 'data-term': row.key });
    tr.append(el('th', { scope: 'row' }, row.label));
    row.cells.forEach((cell, i) => {
      const td = el('td', { class: `tone-${cell.tone}`, 'data-model-id': view.columns[i]?.modelId ?? '' });
      td.append(el('span', { class: 'tone-mark', 'aria-hidden': 'true' }, TONE_MARK[cell.tone] ?? ''));
      td.append(el('span', { class: 'value' }, cell.text));
      td.append(el('span', { class: 'visually-hidden' }, ` (${TONE_LABEL[cell.tone] ?? cell.tone})`));
      if (cell.clause) {
        // Clauses can be paragraphs long: collapsed by default, opened with Enter/Space on the summary.
        const details = el('details', { class: 'clause' });
        details.append(el('summary', {}, 'Clause'));
        details.append(el('blockquote', {}, cell.clause));
        td.append(details);
      }
      if (cell.section || safeHref(cell.url)) {
        const src = el('div', { class: 'source' });
        if (cell.section) src.append(el('span', {}, cell.section));
        const href = safeHref(cell.url);
        if (href) src.append(el('a', { href }, 'text'));
        td.append(src);
      }
      tr.append(td);
    });
    body.append(tr);
  }
  table.append(body);
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'License comparison' });
  wrap.append(table);
  root.append(wrap);

  const form = el('form', { class: 'add', id: 'add-form' });
  form.append(el('label', { for: 'add-model' }, 'Add a model from the catalog'));
  const select = el('select', { id: 'add-model' });
  const shown = new Set(view.columns.map((c) => c.modelId));
  for (const c of view.choices) if (!shown.has(c.id)) select.append(el('option', { value: c.id }, `${c.name} (${c.id})`));
  form.append(select);
  form.append(el('button', { type: 'submit', id: 'add-button' }, 'Add column'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (select.value) vscode.postMessage({ type: 'addModel', modelId: select.value });
  });
  root.append(form);

  if (focusedId) document.getElementById(focusedId)?.focus();
}

function setupLicenses(): void {
  window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const m = event.data;
    if (!m || m.type !== 'licenses') return;
    vscode.setState(m.state satisfies LicensePanelState);
    renderLicenses(m.view);
  });
  vscode.postMessage({ type: 'ready' });
}

if (document.body.dataset.view === 'audit') setupAudit();
if (document.body.dataset.view === 'licenses') setupLicenses();
