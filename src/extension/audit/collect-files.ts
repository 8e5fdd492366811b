import * as vscode from 'vscode';
import { readSettings } from '../settings';
import { AUDIT_INCLUDE, buildExcludeGlob, createGitignoreFilter, type GitignoreFile } from './audit-utils';

/** The files of one workspace folder an audit reads, honouring files.exclude, modelwise.audit.exclude and .gitignore. */
export async function collectFiles(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken | undefined, log: vscode.LogOutputChannel): Promise<vscode.Uri[]> {
  const settings = readSettings(folder.uri, log);
  const filesExclude = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude');
  const exclude = buildExcludeGlob(filesExclude, settings.audit.exclude);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, AUDIT_INCLUDE), exclude ? new vscode.RelativePattern(folder, exclude) : null, settings.audit.maxFiles, token);
  if (found.length >= settings.audit.maxFiles) log.warn(`audit of ${folder.name}: stopped at modelwise.audit.maxFiles (${settings.audit.maxFiles}) files`);
  const gitignores = await readGitignores(folder, exclude, token);
  const ignored = createGitignoreFilter(gitignores);
  const kept = found.filter((u) => !ignored(relativeTo(folder, u)));
  kept.sort((a, b) => a.path.localeCompare(b.path));
  log.info(`audit of ${folder.name}: ${kept.length} files (${found.length - kept.length} ignored by .gitignore)`);
  return kept;
}

async function readGitignores(folder: vscode.WorkspaceFolder, exclude: string | undefined, token: vscode.CancellationToken | undefined): Promise<GitignoreFile[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), exclude ? new vscode.RelativePattern(folder, exclude) : null, 500, token);
  const out: GitignoreFile[] = [];
  for (const u of uris) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
      const rel = relativeTo(folder, u);
      out.push({ dir: rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '', text });
    } catch {
      // An unreadable .gitignore hides nothing.
    }
  }
  return out;
}

/** Path of `uri` relative to the folder, forward slashes. */
export function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : vscode.workspace.asRelativePath(uri, false);
}
