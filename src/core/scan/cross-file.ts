import { providerFromModelString } from './providers';
import type { ScanResult } from './scan-text';

/** Directory part of a forward-slash path. */
function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

function normalize(parts: string[]): string {
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** Candidate workspace paths a module specifier can name, most likely first. */
export function moduleCandidates(fromFile: string, module: string): string[] {
  const file = fromFile.replace(/\\/g, '/');
  if (/\.(py|ipynb)$/.test(file)) {
    const dots = /^\.*/.exec(module)![0].length;
    const rest = module.slice(dots).split('.').filter(Boolean);
    let bases: string[];
    if (dots > 0) {
      let dir = dirname(file);
      for (let i = 1; i < dots; i++) dir = dirname(dir);
      bases = [normalize([...dir.split('/'), ...rest])];
    } else {
      // Absolute imports: from the root, from each ancestor directory of the importing file, and src/.
      const dirs = dirname(file).split('/').filter(Boolean);
      bases = [rest.join('/')];
      for (let i = dirs.length; i > 0; i--) bases.push(normalize([...dirs.slice(0, i), ...rest]));
      bases.push(normalize(['src', ...rest]));
    }
    return bases.flatMap((b) => [`${b}.py`, `${b}/__init__.py`]);
  }
  let base: string;
  if (module.startsWith('.')) base = normalize([...dirname(file).split('/'), ...module.split('/')]);
  else if (module.startsWith('@/') || module.startsWith('~/')) base = normalize(['src', ...module.slice(2).split('/')]);
  else return [];
  const stripped = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
  const exts = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.mts'];
  return [base, ...exts.map((e) => stripped + e), ...exts.map((e) => `${stripped}/index${e}`)];
}

/**
 * Fills in model ids that a file imports from another workspace file (`from .config import MODEL`,
 * `import { MODEL } from './config'`), using the other file's module-level string constants. Follows re-exports up to
 * a few hops. Calls whose import cannot be found keep `model: null`.
 */
export function resolveCrossFile(results: Map<string, ScanResult>): void {
  const normalized = new Map<string, ScanResult>();
  for (const [k, v] of results) normalized.set(k.replace(/\\/g, '/').replace(/^\.\//, ''), v);
  type Found = { model: string; provider?: string };
  const lookup = (fromFile: string, module: string, name: string, depth: number): Found | undefined => {
    if (depth > 5) return undefined;
    for (const cand of moduleCandidates(fromFile, module)) {
      const target = normalized.get(cand);
      if (!target) continue;
      const value = target.exports[name];
      if (value !== undefined) return { model: value };
      const obj = target.modelExports?.[name];
      if (obj) return obj;
      const again = target.imports[name];
      if (again) return lookup(cand, again.module, again.name, depth + 1);
      for (const star of target.reexports ?? []) {
        const found = lookup(cand, star, name, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    return undefined;
  };
  const clientProvider = (fromFile: string, module: string, name: string): string | undefined => {
    for (const cand of moduleCandidates(fromFile, module)) {
      const target = normalized.get(cand);
      if (target) return target.clientExports?.[name];
    }
    return undefined;
  };
  for (const [file, result] of normalized) {
    for (const call of result.calls) {
      if (call.receiverImport) {
        const p = clientProvider(file, call.receiverImport.module, call.receiverImport.name);
        if (p) call.provider = p;
      }
      if (call.model !== null || !call.modelImport) continue;
      const { module, name } = call.modelImport;
      let found = lookup(file, module, name, 0);
      // Python `from app.config import MODELS; MODELS["fast"]` reads as module app.config.MODELS: retry as an object key.
      const dot = module.lastIndexOf('.');
      if (!found && dot > 0 && /\.py$|\.ipynb$/.test(file)) found = lookup(file, module.slice(0, dot), `${module.slice(dot + 1)}.${name}`, 0);
      if (!found) continue;
      call.model = found.model;
      call.modelSource = 'import';
      if (found.provider && (call.provider === 'unknown' || call.via === 'vercel-ai')) call.provider = found.provider;
      else if (call.provider === 'unknown') call.provider = providerFromModelString(found.model, call.via === 'litellm') ?? 'unknown';
    }
  }
}
