import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateModelwise, lensTitles, waitFor, workspaceUri } from './helpers';

interface TestApi {
  lastAudit(): { calls: unknown[] } | undefined;
  analyzeDocument(uri: vscode.Uri): Promise<{ id: string; line: number; cost: { callsPerMonth: number; callsSource: string } }[]>;
}

// Runs after editor.test.ts (files load in name order); these tests change the workspace copy.
describe('Modelwise workflows in a real VS Code', () => {
  let api: TestApi;
  before(async () => {
    api = (await activateModelwise()) as TestApi;
  });

  it('the test API analyses a document and finds every call', async () => {
    const calls = await api.analyzeDocument(workspaceUri('app.py'));
    assert.deepEqual(calls.map((c) => c.line), [14, 27, 36, 44]);
  });

  it('reports the unpriced model in the Problems panel at its model string', async () => {
    const uri = workspaceUri('app.py');
    await vscode.window.showTextDocument(uri);
    const diags = await waitFor(() => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'modelwise');
      return ds.length > 0 ? ds : undefined;
    }, 20000, 'Modelwise diagnostics');
    const codes = diags.map((d) => `${String(typeof d.code === 'object' ? d.code.value : d.code)}@${d.range.start.line + 1}`);
    assert.ok(codes.includes('MODEL_NOT_IN_CATALOG@37'), codes.join(', '));
  });

  it('keeps lenses in place while typing', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri('app.py'));
    const before = await waitFor(async () => {
      const l = await lensTitles(editor.document.uri);
      return l.length >= 4 ? l : undefined;
    }, 30000, 'lenses');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# a note\n'));
    const after = await lensTitles(editor.document.uri);
    assert.deepEqual(after.map((l) => l.line), before.map((l) => l.line + 1));
    assert.equal(after[0]?.title, before[0]?.title);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.lineAt(0).text, 'import os');
  });

  it('"Set usage" writes the entry to .modelwise.yaml, keeps comments, and the estimate follows', async () => {
    const uri = workspaceUri('src/tagger.ts');
    const calls = await api.analyzeDocument(uri);
    const entry = await vscode.commands.executeCommand('modelwise.setUsage', uri, calls[0]!.id, 777);
    assert.deepEqual(entry, { file: 'src/tagger.ts', function: 'tagArticle', callsPerMonth: 777 });
    const text = readFileSync(workspaceUri('.modelwise.yaml').fsPath, 'utf8');
    assert.match(text, /callsPerMonth: 777/);
    assert.match(text, /# Usage volumes and policy/);
    assert.doesNotMatch(text, /callsPerMonth: 300000/, 'the old volume was replaced, not duplicated');
    const updated = await waitFor(async () => {
      const cs = await api.analyzeDocument(uri);
      return cs[0]?.cost.callsPerMonth === 777 ? cs[0] : undefined;
    }, 20000, 'the new volume in the estimate');
    assert.match(updated.cost.callsSource, /^usage/);
  });

  it('exports the audit as JSON, CSV and Markdown', async () => {
    const result = await vscode.commands.executeCommand<{ calls: unknown[] }>('modelwise.auditWorkspace', { showReport: false });
    assert.equal(result.calls.length, 5);
    assert.equal(api.lastAudit()?.calls.length, 5);
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const json = join(root, 'audit.json');
    await vscode.commands.executeCommand('modelwise.exportAudit', 'json', json);
    assert.equal((JSON.parse(readFileSync(json, 'utf8')) as { calls: unknown[] }).calls.length, 5);
    const csv = join(root, 'audit.csv');
    await vscode.commands.executeCommand('modelwise.exportAudit', 'csv', csv);
    assert.equal(readFileSync(csv, 'utf8').trim().split('\n').length, 6, 'header + 5 rows');
    const md = join(root, 'audit.md');
    await vscode.commands.executeCommand('modelwise.exportAudit', 'markdown', md);
    assert.match(readFileSync(md, 'utf8'), /gpt-4o-mini/);
  });

  it('the license comparison has the workspace models, suggestions and a policy verdict row', async () => {
    const view = await vscode.commands.executeCommand<{ columns: { origin: string; modelId?: string }[]; rows: { key: string }[]; choices: unknown[] }>('modelwise.compareLicenses');
    assert.ok(view.columns.some((c) => c.origin === 'used'));
    assert.ok(view.columns.some((c) => c.origin === 'suggested'));
    assert.ok(view.rows.some((r) => r.key === 'policyVerdict'));
    assert.ok(view.choices.length > 50, 'any catalog model can be added');
  });

  it('the toggle hides and shows the lenses', async () => {
    const uri = workspaceUri('app.py');
    await vscode.commands.executeCommand('modelwise.toggleLenses');
    await waitFor(async () => (await lensTitles(uri)).length === 0, 10000, 'no lenses');
    await vscode.commands.executeCommand('modelwise.toggleLenses');
    await waitFor(async () => (await lensTitles(uri)).length >= 4, 10000, 'lenses back');
  });

  it('reviews the current branch against its base: the change raises monthly spend', async () => {
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    const file = join(root, 'src', 'tagger.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("'gpt-4o-mini'", "'gpt-4o'"));
    await vscode.workspace.getConfiguration('modelwise').update('review.baseBranch', 'main', vscode.ConfigurationTarget.Workspace);
    const out = await vscode.commands.executeCommand<{ baseRef: string; markdown: string; report?: { spend?: { deltaMonthlyUsd?: number } } }>('modelwise.reviewChanges');
    assert.equal(out.baseRef, 'main');
    assert.match(out.markdown, /gpt-4o/);
    const delta = out.report?.spend?.deltaMonthlyUsd;
    assert.ok(delta !== undefined && delta > 0, `gpt-4o-mini → gpt-4o raises spend (delta ${delta})`);
  });
});
