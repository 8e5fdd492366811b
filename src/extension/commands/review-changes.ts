import * as vscode from 'vscode';
import { auditWorkspace } from '../../node/audit-workspace';
import { checkoutBase } from '../../node/git-base';
import { formatReviewMarkdown, reviewChange } from '../engine-api';
import type { EngineHost } from '../engine-host';
import { describeError } from '../output';
import { resolveReviewBase } from '../review/git-refs';
import { readSettings } from '../settings';

/** What the review command resolves with (tests read it). */
export interface ReviewOutcome {
  baseRef: string;
  baseCommit: string;
  markdown: string;
  report: ReturnType<typeof reviewChange>;
}

/**
 * "Modelwise: Review Changes Against Base Branch": the same report as `modelwise check --base` for the current
 * branch. The base (merge-base of HEAD and the base branch) is checked out in a temporary git worktree and audited
 * from real files with the same engine (the head's config); the head is the folder on disk (saved files). The
 * markdown report opens in a preview.
 */
export async function reviewChangesCommand(host: EngineHost, log: vscode.LogOutputChannel): Promise<ReviewOutcome | undefined> {
  const folder = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Modelwise: open a folder in a git repository to review its changes.');
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    // git runs the repository's hooks and config (worktree checkout): never in a folder the user has not trusted.
    void vscode.window.showWarningMessage('Modelwise: reviewing changes runs git in this folder; trust the folder first (Restricted Mode).');
    return undefined;
  }
  try {
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Modelwise: reviewing changes' }, async (progress) => {
      const root = folder.uri.fsPath;
      const base = await resolveReviewBase(root, readSettings(folder.uri, log).review.baseBranch);
      progress.report({ message: `base ${base.ref} (${base.commit.slice(0, 8)})` });
      const engine = await host.engineFor(folder.uri);
      const head = await auditWorkspace({ roots: [root], base: root, engine });
      const checkout = await checkoutBase(root, base.commit);
      let baseResult;
      try {
        baseResult = (await auditWorkspace({ roots: [checkout.dir], base: checkout.dir, engine })).result;
      } finally {
        await checkout.dispose();
      }
      const report = reviewChange(baseResult, head.result, engine);
      const markdown = formatReviewMarkdown(report);
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
      await vscode.commands.executeCommand('markdown.showPreview', doc.uri).then(undefined, () => vscode.window.showTextDocument(doc));
      log.info(`review against ${base.ref} (${base.commit}): ${head.result.calls.length} calls now, ${baseResult.calls.length} at base`);
      return { baseRef: base.ref, baseCommit: base.commit, markdown, report };
    });
  } catch (e) {
    log.error(`review: ${describeError(e)}`);
    void vscode.window.showErrorMessage(`Modelwise: review failed — ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
