// The store's passphrase on the command line: CASEGRAPH_PASSPHRASE, or asked on the terminal
// without echo. Asked once, before the command runs, only when the store needs it (an existing
// store sealed under a passphrase, or a new one to seal); without a terminal or the variable,
// the command fails with the store's own sentence saying what to do.
import fs from 'node:fs';
import { storeFileKind } from '../core/store/encrypt-in-place';
import { readKeyFile, setKeySources } from '../core/store/store-key';
import { CliError } from './cli-kit';

export function envPassphrase(name = 'CASEGRAPH_PASSPHRASE'): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
}

/** Read a line from the terminal without echoing it. */
export function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) return Promise.reject(new CliError('no terminal to ask for the passphrase on'));
  // No echo from before the prompt shows: a fast typist (or a script) answering it must not be echoed.
  input.setRawMode(true);
  process.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (): void => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new CliError('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.setEncoding('utf8');
    input.resume();
    input.on('data', onData);
  });
}

/** Ask for a new passphrase twice; refuses an empty one or two that differ. */
export async function askNewPassphrase(what: string): Promise<string> {
  const first = await askHidden(`${what}: `);
  if (first === '') throw new CliError('the passphrase must not be empty');
  const again = await askHidden('the same again: ');
  if (again !== first) throw new CliError('the two passphrases differ; nothing was changed');
  return first;
}

/** Before a command on `store`: ask for its passphrase on the terminal when it needs one and none is set. */
export async function unlockOnTerminal(store: string): Promise<void> {
  if (envPassphrase() !== undefined || !process.stdin.isTTY) return;
  let kf;
  try {
    kf = readKeyFile(store);
  } catch {
    return; // openStore says what is wrong with the key file
  }
  if (kf) {
    if (kf.slots.some((s) => s.kind === 'plain') || !kf.slots.some((s) => s.kind === 'passphrase')) return;
    setKeySources({ passphrase: await askHidden(`passphrase of the store ${store}: `) });
    return;
  }
  const kind = fs.existsSync(store) ? storeFileKind(store) : 'absent';
  if (kind === 'encrypted') return; // no key file: openStore says so
  setKeySources({
    passphrase: await askNewPassphrase(
      kind === 'plain'
        ? `the store ${store} is encrypted from now on; choose its passphrase`
        : `choose a passphrase for the new store ${store}`,
    ),
  });
}
