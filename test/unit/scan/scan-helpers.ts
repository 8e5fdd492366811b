import { scanText, type ScanResult } from '../../../src/core/scan/scan-text';
import type { CallSite, LanguageId } from '../../../src/core/types';
import { testParsers } from '../../helpers/engine';

/** Scans a snippet with the real grammars. */
export async function scan(text: string, languageId: LanguageId = 'python', fileName = languageId === 'python' ? 'app.py' : 'app.ts'): Promise<ScanResult> {
  return scanText(text, { languageId, fileName }, await testParsers());
}

/** The calls of a snippet, reduced to the fields most tests compare. */
export async function calls(text: string, languageId: LanguageId = 'python'): Promise<CallSite[]> {
  return (await scan(text, languageId)).calls;
}

/** `line:column provider/via/api model(source)` — compact and exact. */
export function brief(c: CallSite): string {
  return `${c.line}:${c.column} ${c.provider}/${c.via}/${c.api} ${c.model}(${c.modelSource})`;
}

/** Removes the common leading indentation of a template literal (fixtures read naturally in tests). */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** `line:column` (1-based) of the `nth` occurrence of `needle` in `src`: where a test expects a call's name. */
export function loc(src: string, needle: string, nth = 1): string {
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = src.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture has no occurrence ${nth} of ${needle}`);
  }
  const before = src.slice(0, at);
  const line = before.split('\n').length;
  return `${line}:${at - before.lastIndexOf('\n')}`;
}
