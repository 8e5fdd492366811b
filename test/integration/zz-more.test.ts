import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateModelwise, lensTitles, waitFor, workspaceUri } from './helpers';

interface TestApi {
  analyzeDocument(uri: vscode.Uri): Promise<{ line: number; cost: { callsPerMonth: number; callsSource: string } }[]>;
  timings(): { activateMs: number; firstAnalysisMs?: number; firstLensMs?: number };
  licensePanelSerializer: vscode.WebviewPanelSerializer;
}

interface View {
  columns: { origin: string; modelId: string }[];
  choices: { id: string }[];
}

/** Modelwise's diagnostics on `.modelwise.yaml`, as `line:column message` (1-based like the YAML issues). */
function configDiagnostics(): string[] {
  return vscode.languages
    .getDiagnostics(workspaceUri('.modelwise.yaml'))
    .filter((d) => d.source === 'modelwise')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

async function writeConfig(text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri('.modelwise.yaml'), new TextEncoder().encode(text));
}

// Runs last (files load in name order): it rewrites .modelwise.yaml in the workspace copy and restores it.
describe('Modelwise follow-ups in a real VS Code', () => {
  let api: TestApi;
  let original: Uint8Array;
  before(async () => {
    api = (await activateModelwise()) as TestApi;
    original = await vscode.workspace.fs.readFile(workspaceUri('.modelwise.yaml'));
  });
  after(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri('.modelwise.yaml'), original);
  });

  it('start-up: activate() is cheap and the first lens title follows the first analysis', async function () {
    const t = api.timings();
    assert.ok(t.activateMs > 0 && t.activateMs < 1000, `activate() took ${t.activateMs} ms`);
    assert.ok(t.firstAnalysisMs !== undefined && t.firstLensMs !== undefined, JSON.stringify(t));
    assert.ok(t.firstAnalysisMs <= t.firstLensMs, `analysis ${t.firstAnalysisMs} ms, lens ${t.firstLensMs} ms`);
    // The runner prints test titles, so the measured numbers show up in its output.
    this.test!.title += ` (activate ${t.activateMs} ms, first analysis ${t.firstAnalysisMs} ms, first lens ${t.firstLensMs} ms)`;
  });

  it('a malformed .modelwise.yaml is a diagnostic at its line and column, and the lenses keep working on defaults', async () => {
    await writeConfig('# broken on purpose\ndefaults:\n  callsPerMonth: 1000\n\tbad: 1\n');
    const app = workspaceUri('app.py');
    const diags = await waitFor(async () => {
      await api.analyzeDocument(app); // builds the engine from the new file
      const d = configDiagnostics();
      return d.length > 0 ? d : undefined;
    }, 20000, 'a diagnostic on .modelwise.yaml');
    assert.equal(diags.length, 1, diags.join('\n'));
    assert.match(diags[0]!, /^4:1 .*[Tt]ab/);
    const calls = await api.analyzeDocument(app);
    assert.equal(calls.length, 4);
    assert.ok(!calls[0]!.cost.callsSource.startsWith('usage'), `the broken file's usage entries are not applied (${calls[0]!.cost.callsSource})`);
    await vscode.window.showTextDocument(app);
    const titles = await waitFor(async () => {
      const t = await lensTitles(app);
      return t.length >= 4 ? t : undefined;
    }, 20000, 'lenses with a broken config');
    assert.match(titles[0]!.title, /gpt-4o/);
  });

  it('a license typo in the policy is a located diagnostic from the engine\'s config issues', async () => {
    await writeConfig('defaults:\n  callsPerMonth: 1000\npolicy:\n  denyLicenses:\n    - Apache-2.0\n    - GPL-3.O\n');
    const diags = await waitFor(async () => {
      await api.analyzeDocument(workspaceUri('app.py'));
      const d = configDiagnostics();
      return d.some((x) => x.includes('GPL-3.O')) ? d : undefined;
    }, 20000, 'the license typo diagnostic');
    assert.deepEqual(diags.map((d) => d.split(' ')[0]), ['6:7']);
  });

  it('restoring the file clears the diagnostics and brings the usage volumes back', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri('.modelwise.yaml'), original);
    const calls = await waitFor(async () => {
      const cs = await api.analyzeDocument(workspaceUri('app.py'));
      return configDiagnostics().length === 0 && cs[0]?.cost.callsSource.startsWith('usage') ? cs : undefined;
    }, 20000, 'the original config back in force');
    assert.equal(calls[0]!.cost.callsPerMonth, 120000);
  });

  it('the license panel serializer restores the saved columns (added kept, removed dropped)', async () => {
    const baseline = await vscode.commands.executeCommand<View>('modelwise.compareLicenses');
    const used = baseline.columns.find((c) => c.origin === 'used');
    const extra = baseline.choices.find((c) => !baseline.columns.some((col) => col.modelId === c.id));
    assert.ok(used && extra, 'a used column to remove and a catalog model to add');
    const panel = vscode.window.createWebviewPanel('modelwise.licenses', 'Modelwise: Licenses', vscode.ViewColumn.Active, { enableScripts: true });
    // What VS Code hands the serializer after a reload: the state the webview saved with setState.
    await api.licensePanelSerializer.deserializeWebviewPanel(panel, { added: [extra.id], removed: [used.modelId] });
    const restored = await vscode.commands.executeCommand<View>('modelwise.compareLicenses');
    const ids = restored.columns.map((c) => c.modelId);
    assert.ok(!ids.includes(used.modelId), `${used.modelId} stays removed: ${ids.join(', ')}`);
    assert.equal(restored.columns.find((c) => c.modelId === extra.id)?.origin, 'added', ids.join(', '));
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && /modelwise\.licenses/.test(t.input.viewType));
    assert.equal(tabs.length, 1, 'the revived panel replaced the open one instead of opening a second');
    panel.dispose();
  });

  it('notebook cells: a lens resolves the model constant an earlier cell defines, and follows an edit of that cell', async () => {
    const uri = workspaceUri('explore.ipynb');
    const src = (text: string) => text.split(/(?<=\n)/);
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' }, language_info: { name: 'python' } },
      cells: [
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: src('from openai import OpenAI\nclient = OpenAI()\nMODEL = "gpt-4o"') },
        { cell_type: 'markdown', metadata: {}, source: src('## Summaries') },
        { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: src('resp = client.chat.completions.create(\n    model=MODEL,\n    messages=[{"role": "user", "content": "hi"}],\n)') },
      ],
    };
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(nb, null, 1)));
    try {
      const doc = await vscode.workspace.openNotebookDocument(uri);
      await vscode.window.showNotebookDocument(doc);
      const callCell = doc.cellAt(2).document;
      assert.equal(callCell.languageId, 'python');
      const first = await waitFor(async () => {
        const t = await lensTitles(callCell.uri);
        return t.length > 0 ? t : undefined;
      }, 30000, 'a lens in the notebook cell');
      assert.equal(first.length, 1);
      assert.equal(first[0]!.line, 1);
      assert.match(first[0]!.title, /gpt-4o/);
      assert.doesNotMatch(first[0]!.title, /gpt-4o-mini|model unknown/);
      assert.deepEqual(await lensTitles(doc.cellAt(0).document.uri), [], 'no lens in the cell that only defines the constant');
      const edit = new vscode.WorkspaceEdit();
      const defining = doc.cellAt(0).document;
      const line = defining.lineAt(2);
      edit.replace(defining.uri, line.range, 'MODEL = "gpt-4o-mini"');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(async () => {
        const t = await lensTitles(callCell.uri);
        return t.length === 1 && /gpt-4o-mini/.test(t[0]!.title) ? t : undefined;
      }, 20000, 'the lens in cell 3 to follow the edit in cell 1');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
