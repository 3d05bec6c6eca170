// What every command shares: argument parsing with --help, the usage/failure split of exit
// codes (2 bad usage, 1 failure), one-line errors on stderr, progress on stderr.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultStorePath } from '../core/store/paths';

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A failure the user can act on: printed as one line, exit 1. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** The command asks for the passphrases it needs itself (not the store's, before it runs). */
  readonly ownKey?: boolean;
  run(ctx: CommandContext): Promise<void>;
}

export interface CommandContext {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: readonly string[];
  readonly db: string;
  readonly json: boolean;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs(cmd: Command, argv: readonly string[]): { values: CommandContext['values']; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...COMMON_OPTIONS, ...cmd.options },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

export function storePath(values: CommandContext['values']): string {
  return typeof values['db'] === 'string' ? values['db'] : defaultStorePath();
}

export function intOption(values: CommandContext['values'], name: string, min: number, max: number): number | undefined {
  const v = values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  }
  return n;
}

/** Progress on stderr: a redrawn bar on a terminal, a plain line every few seconds otherwise. */
export function progressReporter(label: string): { update(done: number, total: number | null, unit?: string): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(done, total, unit = '') {
      const pct = total ? Math.min(100, Math.floor((done / total) * 100)) : null;
      if (tty) {
        const width = 30;
        const filled = pct === null ? 0 : Math.round((pct / 100) * width);
        const bar = pct === null ? '' : `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% `;
        process.stderr.write(`\r${label} ${bar}${done.toLocaleString('en')}${unit}`);
        drawn = true;
      } else {
        const now = Date.now();
        if (now - lastPlain < 2000) return;
        lastPlain = now;
        process.stderr.write(`${label}: ${done}${unit}${pct === null ? '' : ` (${pct}%)`}\n`);
      }
    },
    end() {
      if (drawn) process.stderr.write('\n');
    },
  };
}
