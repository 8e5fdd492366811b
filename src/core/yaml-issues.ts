import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { InputIssue } from './types';

/** A YAML document parsed with positions kept, so zod issues can be reported at a line and column. */
export interface LocatedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
}

/** Parses YAML text; syntax errors come back as issues with line and column, never thrown. */
export function parseYamlLocated(text: string, file: string): { yaml?: LocatedYaml; value?: unknown; issues: InputIssue[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: e.message.split('\n')[0] ?? e.message };
      }),
    };
  }
  return { yaml: { doc, lines }, value: doc.toJS({ maxAliasCount: 100 }), issues: [] };
}

/** Line and column (1-based) of the node at `path` in the document, or of its nearest existing parent. */
export function locate(yaml: LocatedYaml, path: readonly PropertyKey[]): { line: number; column: number } | undefined {
  let node: unknown = yaml.doc.contents;
  let best: { line: number; column: number } | undefined = rangeStart(yaml, node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k !== null && typeof k === 'object' && String(k.value) === String(key);
      });
      if (!pair) break;
      best = rangeStart(yaml, pair.key) ?? best;
      node = pair.value;
      best = rangeStart(yaml, node) ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      best = rangeStart(yaml, node) ?? best;
    } else {
      break;
    }
  }
  return best;
}

function rangeStart(yaml: LocatedYaml, node: unknown): { line: number; column: number } | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  if (!range) return undefined;
  const pos = yaml.lines.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

/** Turns zod issues into located InputIssues. */
export function zodIssuesAt(yaml: LocatedYaml, file: string, issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): InputIssue[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const pos = locate(yaml, path);
    return { file, line: pos?.line, column: pos?.column, path: path.map(String).join('.'), message: issue.message };
  });
}
