// The built `casegraph` command as a child process that a test kills with SIGKILL in the middle
// of its write: the store (or the file it writes) is watched every few milliseconds, and once the
// write has visibly begun (`killWhen`: the WAL grew, a partial file appeared…) the child is
// killed after a seeded-random delay, so the rounds of a test land at different moments of it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Killed before it ended by itself. */
  readonly killed: boolean;
}

export interface KillPlan {
  /** Polled every `pollMs` (default 5): true once the write has begun. */
  readonly when: () => boolean;
  /** Milliseconds to wait, once `when` holds, before the SIGKILL. */
  readonly delayMs: number;
  readonly pollMs?: number;
}

export interface CliOptions {
  readonly env?: Record<string, string | undefined>;
  readonly kill?: KillPlan;
  /** Run through `sh -c` with this prefix before `exec node …` (e.g. `ulimit -f 2048;`). */
  readonly shellPrefix?: string;
}

export function cli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const merged: Record<string, string | undefined> = { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db', ...options.env };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const env = merged as NodeJS.ProcessEnv;
  return new Promise((resolve, reject) => {
    const child =
      options.shellPrefix === undefined
        ? spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
        : spawn('sh', ['-c', `${options.shellPrefix} exec "$0" "$@"`, process.execPath, CLI, ...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
            env,
          });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const plan = options.kill;
    let timer: NodeJS.Timeout | null = null;
    const watch =
      plan === undefined
        ? null
        : setInterval(() => {
            if (timer !== null || child.exitCode !== null) return;
            let begun = false;
            try {
              begun = plan.when();
            } catch {
              begun = false; // the file is being created or renamed: look again
            }
            if (!begun) return;
            timer = setTimeout(() => {
              if (child.exitCode === null && child.signalCode === null) {
                killed = true;
                child.kill('SIGKILL');
              }
            }, plan.delayMs);
          }, plan.pollMs ?? 5);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (watch) clearInterval(watch);
      if (timer) clearTimeout(timer);
      resolve({ status, signal, stdout, stderr, killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** Run to the end; throws with its stderr unless it exits 0. */
export async function cliOk(args: readonly string[], options: Omit<CliOptions, 'kill'> = {}): Promise<string> {
  const r = await cli(args, options);
  if (r.status !== 0) throw new Error(`casegraph ${args.join(' ')} exited ${r.status ?? r.signal}: ${r.stderr}`);
  return r.stdout;
}

/** The size of a file, 0 when it is not there. */
export function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** True once `file` (a store's WAL, a partial copy) is larger than `bytes`. */
export function grewPast(file: string, bytes: number): () => boolean {
  return () => sizeOf(file) > bytes;
}

/** Files of `dir` whose names start with `prefix`. */
export function filesStarting(dir: string, prefix: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.startsWith(prefix));
}
