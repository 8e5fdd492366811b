import * as vscode from 'vscode';

/**
 * The extension's single LogOutputChannel ("Modelwise"). Everything the extension wants a person to be able to read
 * later (config issues, audit timings, provider errors) goes here rather than into pop-ups.
 */
export function createOutput(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel('Modelwise', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

/** Turns anything thrown into one log line; providers call this instead of letting errors escape. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? e.message;
  return String(e);
}
