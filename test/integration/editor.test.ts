import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateModelwise, hoverText, lensTitles, waitFor, workspaceUri } from './helpers';

// The workspace is test/fixtures/editor-workspace (copied to a scratch folder by the launcher).
describe('Modelwise in a real VS Code', () => {
  before(async () => {
    await activateModelwise();
  });

  it('shows a cost lens over each LLM call with model, per-call and monthly cost, and a routine alternative', async () => {
    const uri = workspaceUri('app.py');
    await vscode.window.showTextDocument(uri);
    const titles = await waitFor(async () => {
      const t = await lensTitles(uri);
      return t.length >= 4 ? t : undefined;
    }, 30000, 'four lenses in app.py');
    const byLine = new Map(titles.map((t) => [t.line, t.title]));
    const summarize = byLine.get(14) ?? '';
    assert.match(summarize, /gpt-4o/);
    assert.match(summarize, /\/call/);
    assert.match(summarize, /\/mo/);
    assert.match(summarize, /routine: /, `routine alternative expected in "${summarize}"`);
    assert.match(summarize, /Apache-2\.0|MIT|Llama|License/i);
    assert.match(byLine.get(27) ?? '', /claude-sonnet-4-5|Claude Sonnet 4\.5/i);
    assert.doesNotMatch(byLine.get(27) ?? '', /routine: /, 'a frontier review call gets no open-weight suggestion');
    assert.match(byLine.get(36) ?? '', /unpriced model/);
    assert.doesNotMatch(byLine.get(36) ?? '', /\$0(\.0+)?\b/);
    assert.match(byLine.get(44) ?? '', /model unknown — set it in \.modelwise\.yaml/);
  });

  it('lens titles in TypeScript use the usage volume from .modelwise.yaml', async () => {
    const uri = workspaceUri('src/tagger.ts');
    await vscode.window.showTextDocument(uri);
    const titles = await waitFor(async () => {
      const t = await lensTitles(uri);
      return t.length >= 1 ? t : undefined;
    }, 30000, 'a lens in tagger.ts');
    assert.equal(titles[0]?.line, 6);
    assert.match(titles[0]?.title ?? '', /gpt-4o-mini/);
    assert.match(titles[0]?.title ?? '', /\/mo/);
  });

  it('hover on the call shows the token and price breakdown with its source', async () => {
    const uri = workspaceUri('app.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    const pos = new vscode.Position(13, doc.lineAt(13).text.indexOf('create') + 2);
    const text = await waitFor(async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
      const t = hoverText(hovers);
      return /gpt-4o/.test(t) && /token/i.test(t) ? t : undefined;
    }, 20000, 'a Modelwise hover');
    assert.match(text, /https?:\/\//, 'price source link');
    assert.match(text, /20\d\d-\d\d/, 'as-of date');
    assert.match(text, /120,?000|calls\/month|calls per month/i);
  });

  it('offers a quick fix that switches the model string and applies it', async () => {
    const uri = workspaceUri('app.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.lineAt(14);
    const range = new vscode.Range(14, line.text.indexOf('"gpt-4o"') + 1, 14, line.text.indexOf('"gpt-4o"') + 3);
    const actions = await waitFor(async () => {
      const a = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
      const mine = a.filter((x) => /modelwise|switch/i.test(x.title));
      return mine.length > 0 ? mine : undefined;
    }, 20000, 'a Modelwise code action');
    const action = actions[0]!;
    assert.ok(action.edit, `code action "${action.title}" carries an edit`);
    const before = doc.getText(new vscode.Range(14, 0, 15, 0));
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    const after = doc.getText(new vscode.Range(14, 0, 15, 0));
    assert.notEqual(after, before);
    assert.doesNotMatch(after, /"gpt-4o"/);
    assert.match(after, /model="[^"]+"/);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.match(doc.lineAt(14).text, /"gpt-4o"/, 'the edit was reverted');
  });

  it('audits the workspace and returns the ranked result', async () => {
    const result = await vscode.commands.executeCommand<{ calls: { file: string; line: number; model: string | null }[] }>('modelwise.auditWorkspace');
    assert.ok(result && Array.isArray(result.calls), 'the audit command returns the audit result');
    const sites = result.calls.map((c) => `${c.file.replace(/\\/g, '/').split('/').pop()}:${c.line}`).sort();
    assert.deepEqual(sites, ['app.py:14', 'app.py:27', 'app.py:36', 'app.py:44', 'tagger.ts:6']);
    const models = new Set(result.calls.map((c) => c.model));
    assert.ok(models.has('gpt-4o') && models.has('gpt-4o-mini') && models.has(null), `models: ${JSON.stringify([...models])}`);
  });

  it('opens the license comparison webview', async () => {
    await vscode.commands.executeCommand('modelwise.compareLicenses');
    const tab = await waitFor(() => {
      for (const group of vscode.window.tabGroups.all) {
        for (const t of group.tabs) {
          if (t.input instanceof vscode.TabInputWebview && /modelwise\.licenses/.test(t.input.viewType)) return t;
        }
      }
      return undefined;
    }, 20000, 'the license comparison tab');
    assert.match(tab.label, /licen/i);
  });
});
