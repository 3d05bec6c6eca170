// The `casegraph` command: the core, headless. Conventions from docs/specs/cli.md:
// --help everywhere, --json on stdout only, progress on stderr, one-line errors,
// exit 0 success, 1 failure, 2 bad usage.
import path from 'node:path';
import { StoreError, setOpenProgress } from '../core/store/db';
import { diskFullMessage, isDiskFull, type DiskFullWhat } from '../core/store/disk-full';
import { StoreKeyError } from '../core/store/store-key';
import { CliError, UsageError, parseCommandArgs, storePath, type Command, type CommandContext } from './cli-kit';
import { exportCommand, importBundleCommand, keysCommand, trustCommand, verifyCommand } from './commands/bundle';
import { demoCommand } from './commands/demo';
import { explainCommand } from './commands/explain';
import { ignoreCommand } from './commands/ignore';
import { importCommand } from './commands/import';
import { linkCommand } from './commands/link';
import { referencesCommand } from './commands/references';
import { seriesCommand } from './commands/series';
import { serveCommand } from './commands/serve';
import { flowCommand, importStatementsCommand } from './commands/statements';
import { suggestionsCommand } from './commands/suggestions';
import { backupCommand, passphraseCommand, restoreCommand } from './commands/store-key';
import { syncCommand } from './commands/sync';
import { unlockOnTerminal } from './passphrase-prompt';

const COMMANDS: readonly Command[] = [
  demoCommand,
  importCommand,
  importStatementsCommand,
  flowCommand,
  serveCommand,
  syncCommand,
  linkCommand,
  seriesCommand,
  suggestionsCommand,
  explainCommand,
  ignoreCommand,
  referencesCommand,
  exportCommand,
  verifyCommand,
  importBundleCommand,
  keysCommand,
  trustCommand,
  passphraseCommand,
  backupCommand,
  restoreCommand,
];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'casegraph — case analysis for telecom and online fraud investigators',
    '',
    'usage: casegraph COMMAND [options]   (casegraph COMMAND --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Every command takes --db PATH (default: the desktop app's store, or $CASEGRAPH_DB) and --debug.",
  ].join('\n');
}

/** What a command interrupted by a full disk was doing (disk-full.ts says what it left). */
function diskFullWhat(name: string | undefined): DiskFullWhat {
  switch (name) {
    case 'import':
    case 'demo':
    case 'sync':
    case 'link':
    case 'backup':
    case 'restore':
      return name;
    case 'import-statements':
      return 'statements';
    case 'import-bundle':
      return 'bundle';
    case 'export':
      return 'export';
    default:
      return 'change';
  }
}

/** Where the disk is full: the store, and the file a backup or an export writes. */
function diskFullWhere(cmd: Command | undefined, argv: readonly string[]): string {
  let values: CommandContext['values'] = {};
  try {
    if (cmd) values = parseCommandArgs(cmd, argv).values;
  } catch {
    // Parsed once already by main; nothing to add here.
  }
  const store = `the store ${path.resolve(storePath(values))}`;
  const out = values['out'];
  return (cmd?.name === 'backup' || cmd?.name === 'export') && typeof out === 'string'
    ? `writing ${path.resolve(out)} from ${store}`
    : store;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainHelp()}\n`);
    return name === undefined ? 2 : 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  try {
    if (!cmd) throw new UsageError(`unknown command "${name}"; run casegraph --help for the list`);
    const { values, positionals } = parseCommandArgs(cmd, rest);
    if (values['help']) {
      process.stdout.write(`usage: ${cmd.usage}\n\n${cmd.summary}\n`);
      return 0;
    }
    const db = storePath(values);
    // Encrypting a store from an earlier version at its first open takes a while: said on stderr.
    setOpenProgress((m) => process.stderr.write(`${m}\n`));
    if (!cmd.ownKey) await unlockOnTerminal(db);
    await cmd.run({
      values,
      positionals,
      db,
      json: values['json'] === true,
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`casegraph: ${e.message}\n${cmd ? `usage: ${cmd.usage}\n` : ''}`);
      return 2;
    }
    if (isDiskFull(e)) {
      process.stderr.write(`casegraph: ${diskFullMessage(diskFullWhere(cmd, rest), diskFullWhat(cmd?.name))}\n`);
      if (debug) process.stderr.write(`${e instanceof Error ? (e.stack ?? '') : ''}\n`);
      return 1;
    }
    // CliError and StoreError are expected failures; anything else is a bug, but the user still
    // gets one line unless they ask for the stack with --debug.
    const expected = e instanceof CliError || e instanceof StoreError || e instanceof StoreKeyError;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`casegraph: ${expected ? '' : 'internal error: '}${message}\n`);
    if (debug) process.stderr.write(`${e instanceof Error ? (e.stack ?? '') : ''}\n`);
    return 1;
  }
}

// `casegraph series | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
