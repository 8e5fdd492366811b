import { parseArgs } from 'node:util';

/** Output formats each command accepts (the first is the default). */
export const FORMATS = {
  audit: ['table', 'json', 'markdown', 'csv', 'sarif', 'cyclonedx'],
  models: ['table', 'json'],
  check: ['markdown', 'sarif', 'json'],
} as const;

export type AuditFormat = (typeof FORMATS.audit)[number];
export type ModelsFormat = (typeof FORMATS.models)[number];
export type CheckFormat = (typeof FORMATS.check)[number];

/** What the command line asks for, validated. Paths are as typed (resolved later against the cwd). */
export type Command =
  | { kind: 'help'; topic?: string }
  | { kind: 'version' }
  | { kind: 'audit'; paths: string[]; format: AuditFormat; config?: string; output?: string; maxFileBytes?: number }
  | { kind: 'tokens'; model?: string; encoding?: string; file?: string }
  | { kind: 'models'; format: ModelsFormat; openWeights: boolean; license?: string; vendor?: string; config?: string }
  | { kind: 'check'; path: string; base?: string; config?: string; format: CheckFormat; output?: string; maxFileBytes?: number };

/** A usage error: printed to stderr with the help hint, exit code 2. */
export class UsageError extends Error {}

const COMMANDS = ['audit', 'tokens', 'models', 'check', 'help'] as const;

/**
 * Parses `modelwise <command> [options]` with node:util parseArgs (strict: unknown options are usage errors).
 * Throws UsageError with a message naming the bad option or value.
 */
export function parseCommandLine(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') return { kind: 'help' };
  if (first === '--version' || first === '-v') return { kind: 'version' };
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError(`unknown command '${first}' (expected one of: ${COMMANDS.filter((c) => c !== 'help').join(', ')})`);
  }
  if (first === 'help') return { kind: 'help', topic: rest[0] };
  if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help', topic: first };
  switch (first) {
    case 'audit':
      return parseAudit(rest);
    case 'tokens':
      return parseTokens(rest);
    case 'models':
      return parseModels(rest);
    default:
      return parseCheck(rest);
  }
}

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(firstSentence((e as Error).message));
  }
}

function firstSentence(message: string): string {
  const i = message.indexOf('. ');
  return i === -1 ? message : message.slice(0, i + 1);
}

function format<T extends readonly string[]>(value: string | undefined, allowed: T, command: string): T[number] {
  if (value === undefined) return allowed[0] as T[number];
  if (!allowed.includes(value)) throw new UsageError(`${command}: unknown --format '${value}' (expected ${allowed.join(', ')})`);
  return value as T[number];
}

function bytes(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size: expected a size like 1048576, 512k or 2m, got '${value}'`);
  const unit = (m[2] ?? '').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Math.round(Number(m[1]) * mult);
}

function parseAudit(args: readonly string[]): Command {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    config: { type: 'string', short: 'c' },
    output: { type: 'string', short: 'o' },
    'max-file-size': { type: 'string' },
  });
  return {
    kind: 'audit',
    paths: positionals.length > 0 ? positionals : ['.'],
    format: format(values.format as string | undefined, FORMATS.audit, 'audit'),
    config: values.config as string | undefined,
    output: values.output as string | undefined,
    maxFileBytes: bytes(values['max-file-size'] as string | undefined),
  };
}

function parseTokens(args: readonly string[]): Command {
  const { values, positionals } = parse(args, { model: { type: 'string', short: 'm' }, encoding: { type: 'string', short: 'e' } });
  if (values.model !== undefined && values.encoding !== undefined) throw new UsageError('tokens: give --model or --encoding, not both');
  if (positionals.length > 1) throw new UsageError(`tokens: expected at most one FILE (or '-' for stdin), got ${positionals.length}`);
  return { kind: 'tokens', model: values.model as string | undefined, encoding: values.encoding as string | undefined, file: positionals[0] };
}

function parseModels(args: readonly string[]): Command {
  const { values, positionals } = parse(args, {
    format: { type: 'string', short: 'f' },
    'open-weights': { type: 'boolean' },
    license: { type: 'string' },
    vendor: { type: 'string' },
    config: { type: 'string', short: 'c' },
  });
  if (positionals.length > 0) throw new UsageError(`models: unexpected argument '${positionals[0]}'`);
  return {
    kind: 'models',
    format: format(values.format as string | undefined, FORMATS.models, 'models'),
    openWeights: values['open-weights'] === true,
    license: values.license as string | undefined,
    vendor: values.vendor as string | undefined,
    config: values.config as string | undefined,
  };
}

function parseCheck(args: readonly string[]): Command {
  const { values, positionals } = parse(args, {
    base: { type: 'string', short: 'b' },
    config: { type: 'string', short: 'c' },
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'max-file-size': { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`check: expected at most one PATH, got ${positionals.length}`);
  return {
    kind: 'check',
    path: positionals[0] ?? '.',
    base: values.base as string | undefined,
    config: values.config as string | undefined,
    format: format(values.format as string | undefined, FORMATS.check, 'check'),
    output: values.output as string | undefined,
    maxFileBytes: bytes(values['max-file-size'] as string | undefined),
  };
}
