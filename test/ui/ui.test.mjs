// What a person sees: the packaged extension installed in code-server, driven in Debian chromium by playwright-core.
// Screenshots go to .test-results/screenshots/ (look at them; the README shows copies).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, copyWorkspace, ensureInstalled, freePort, launchBrowser, makeRunDir, packageExtension, repoRoot, startCodeServer } from '../real-editor/code-server.mjs';

const shots = join(repoRoot, '.test-results', 'screenshots');
mkdirSync(shots, { recursive: true });

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('>' + title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
}

async function openFile(page, name, expectText) {
  await page.keyboard.press('Control+P');
  const qi = page.locator('.quick-input-widget input');
  await qi.waitFor({ state: 'visible' });
  await qi.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
  await page.locator('.monaco-editor .view-lines', { hasText: expectText }).first().waitFor({ timeout: 30000 });
}

/** The content frame of the webview whose document contains `selector`. */
async function webviewWith(page, selector, ms = 40000) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    const frames = page.frameLocator('iframe.webview.ready');
    const n = await page.locator('iframe.webview.ready').count();
    for (let i = 0; i < n; i++) {
      const inner = frames.nth(i).frameLocator('#active-frame');
      if ((await inner.locator(selector).count().catch(() => 0)) > 0) return inner;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview shows ${selector} within ${ms} ms`);
}

async function openWorkbench(ctx, port, ws) {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 90000 });
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'app.py' }).waitFor({ timeout: 90000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  return page;
}

describe('Modelwise as a person sees it (code-server + chromium)', function () {
  this.timeout(180000);
  let run, server, ctx, page, vsix;

  before(async function () {
    ensureInstalled();
    run = makeRunDir('ui');
    ({ vsix } = packageExtension(run.dir));
    const ws = copyWorkspace(run, 'editor-workspace');
    const port = await freePort();
    server = await startCodeServer(run, { port, installVsix: vsix });
    ctx = await launchBrowser(run);
    page = await openWorkbench(ctx, port, ws);
  });

  after(async function () {
    await ctx?.close().catch(() => {});
    server?.stop();
    if (run && this.currentTest?.state !== 'failed') cleanup(run);
  });

  it('shows the cost lens above the call in a Python file', async () => {
    await openFile(page, 'app.py', 'chat.completions.create');
    const lens = page.locator('.contentWidgets .codelens-decoration', { hasText: 'gpt-4o' }).first();
    await lens.waitFor({ timeout: 60000 });
    const text = await lens.innerText();
    await page.screenshot({ path: join(shots, 'lens.png') });
    assert.match(text, /gpt-4o/);
    assert.match(text, /\/mo/);
    assert.match(text, /routine: /);
    const unpriced = page.locator('.contentWidgets .codelens-decoration', { hasText: 'unpriced model' });
    await unpriced.first().waitFor({ timeout: 20000 });
  });

  it('runs the spend audit from the command palette and shows the ranked report', async () => {
    await runCommand(page, 'Modelwise: Audit Workspace Spend');
    const report = await webviewWith(page, 'table');
    const text = await report.locator('body').innerText();
    await page.screenshot({ path: join(shots, 'audit.png') });
    assert.match(text, /gpt-4o/);
    assert.match(text, /claude/i);
    assert.match(text, /unpriced/i);
    assert.match(text, /\$\d/);
  });

  it('shows the license comparison table inside the webview', async () => {
    await runCommand(page, 'Modelwise: Compare Licenses');
    const panel = await webviewWith(page, '#license-table');
    const table = panel.locator('#license-table');
    const text = await table.innerText();
    await page.screenshot({ path: join(shots, 'licenses.png') });
    assert.match(text, /Apache-2\.0/);
    assert.match(text, /commercial/i);
    const columns = await panel.locator('[data-model-id]').count();
    assert.ok(columns >= 2, `expected at least two model columns, got ${columns}`);
  });
});

describe('Modelwise in Restricted Mode', function () {
  this.timeout(180000);
  let run, server, ctx, page;

  before(async function () {
    ensureInstalled();
    run = makeRunDir('ui-restricted');
    const { vsix } = packageExtension(run.dir);
    const ws = copyWorkspace(run, 'editor-workspace');
    const port = await freePort();
    server = await startCodeServer(run, { port, installVsix: vsix, trust: false });
    ctx = await launchBrowser(run);
    page = await openWorkbench(ctx, port, ws);
  });

  after(async function () {
    await ctx?.close().catch(() => {});
    server?.stop();
    if (run) cleanup(run);
  });

  it('still shows lenses in an untrusted workspace (limited mode) and says so', async () => {
    await page.locator('.statusbar-item', { hasText: /Restricted Mode/ }).first().waitFor({ timeout: 30000 });
    await openFile(page, 'app.py', 'chat.completions.create');
    const lens = page.locator('.contentWidgets .codelens-decoration', { hasText: 'gpt-4o' }).first();
    await lens.waitFor({ timeout: 60000 });
    await page.screenshot({ path: join(shots, 'restricted.png') });
    assert.match(await lens.innerText(), /gpt-4o/);
  });
});
