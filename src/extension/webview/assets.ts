import * as vscode from 'vscode';
import { makeNonce, type PageAssets } from './html';

/** Webview options shared by the panels: scripts on, local resources only from media/ and dist/. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist')],
  };
}

/** A fresh nonce plus the webview URIs of media/webview.css and dist/webview.js. */
export function pageAssets(webview: vscode.Webview, extensionUri: vscode.Uri): PageAssets {
  return {
    cspSource: webview.cspSource,
    nonce: makeNonce(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css')).toString(),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
  };
}
