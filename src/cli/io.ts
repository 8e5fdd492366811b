import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where a command writes: stdout and stderr, injectable so commands can be driven without a process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Reads all of stdin (for `tokens -`). */
  readStdin(): Promise<string>;
}

/** The real process's streams. A closed pipe (`modelwise audit | head`) ends the output quietly, as Unix tools do. */
export function processIo(): CliIo {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Writes a report to `--output FILE` (the only file the CLI ever writes), or to stdout. Ends it with a newline. */
export async function emit(io: CliIo, text: string, output: string | undefined): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (output === undefined) {
    io.out(body);
    return;
  }
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, body, 'utf8');
}

/** Reads a file argument, or stdin for '-' or no argument. */
export async function readTextInput(io: CliIo, file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') return io.readStdin();
  return readFile(file, 'utf8');
}
