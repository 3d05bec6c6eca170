// A full disk during an import, a statements import, a link and a backup, through the built
// `casegraph` command: one sentence ("the disk is full (the store …): …") saying what was kept,
// exit 1, and a store that still opens — on the full disk — with its data as before; a backup
// leaves no partial file. The disk is a small tmpfs when this runs as root and can mount one;
// otherwise the process's file size limit (RLIMIT_FSIZE, `ulimit -f`: writes past it fail with
// EFBIG) stands in for it; where neither is possible the tests are skipped, saying why.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forgetKey } from '../../src/core/store/store-key';
import { cli, cliOk, CLI, sizeOf, type CliOptions } from '../support/kill-cli';
import { linkState } from '../support/link-state';
import { copyStore, rawStore } from '../support/raw-store';

type Mode = { kind: 'tmpfs'; mount: string } | { kind: 'rlimit' } | { kind: 'none'; why: string };

function chooseMode(root: string): Mode {
  const forced = process.env['CASEGRAPH_TEST_DISK_FULL'];
  const canRlimit = process.platform !== 'win32' && spawnSync('sh', ['-c', 'ulimit -f 1024']).status === 0;
  if (forced !== 'rlimit' && process.getuid?.() === 0) {
    const mount = path.join(root, 'disk');
    fs.mkdirSync(mount);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=40m,mode=0700', 'tmpfs', mount]).status === 0) return { kind: 'tmpfs', mount };
  }
  if (canRlimit) return { kind: 'rlimit' };
  return { kind: 'none', why: 'neither a tmpfs can be mounted (not root) nor a file size limit set (no sh ulimit -f)' };
}

let root = '';
let mode: Mode = { kind: 'none', why: 'not set up' };
let seed = '';
let extra = '';
let statements = '';

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error('the built CLI is missing: npm test builds it first (npm run build)');
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'casegraph-disk-full-'));
  mode = chooseMode(root);
  if (mode.kind === 'none') return;
  seed = path.join(root, 'seed.db');
  await cliOk(['demo', '--reports', '1500', '--seed', '31', '--db', seed]);
  await cliOk(['link', '--full', '--db', seed]);
  // Reports under ids of their own, and another precinct's bank statements.
  const other = path.join(root, 'other.ndjson');
  statements = path.join(root, 'statements');
  await cliOk(['demo', '--reports', '3000', '--seed', '32', '--out', other, '--statements', statements]);
  extra = path.join(root, 'extra.ndjson');
  const lines = fs.readFileSync(other, 'utf8').trim().split('\n');
  fs.writeFileSync(
    extra,
    lines.map((l) => JSON.stringify({ ...(JSON.parse(l) as object), id: `X-${(JSON.parse(l) as { id: string }).id}` })).join('\n') + '\n',
  );
}, 180_000);

// What a test put on the small disk goes after it, whether it passed or not.
const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) (cleanups.pop() as () => void)();
});

afterAll(() => {
  if (mode.kind === 'tmpfs') spawnSync('umount', [mode.mount]);
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** A folder on the small disk (or, under a file size limit, anywhere) with a copy of the seed store. */
function storeOnDisk(name: string): { dir: string; db: string } {
  const dir = mode.kind === 'tmpfs' ? path.join(mode.mount, name) : path.join(root, `limited-${name}`);
  fs.mkdirSync(dir, { mode: 0o700 });
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const db = path.join(dir, 'store.db');
  copyStore(seed, db);
  return { dir, db };
}

/**
 * Leave `room` bytes: on the tmpfs a filler takes the rest (`free` removes it); under a file size
 * limit, the options run the command with files limited to the store's size plus `room`.
 */
function fill(db: string, room: number): { run: CliOptions; free: () => void } {
  if (mode.kind !== 'tmpfs') {
    const blocks = Math.ceil((sizeOf(db) + room) / 512);
    // sh counts ulimit -f in 512-byte blocks; SIGXFSZ ignored, so a write past it fails with EFBIG.
    return { run: { shellPrefix: `trap '' XFSZ; ulimit -f ${blocks};` }, free: () => {} };
  }
  const filler = path.join(mode.mount, `filler-${path.basename(path.dirname(db))}`);
  const st = fs.statfsSync(mode.mount);
  const left = Number(st.bavail) * Number(st.bsize) - room;
  const free = (): void => fs.rmSync(filler, { force: true });
  cleanups.push(free);
  if (left > 0) fs.writeFileSync(filler, Buffer.alloc(left));
  return { run: {}, free };
}

/** A store on a disk with `room` bytes left. */
function fullDisk(name: string, room: number): { dir: string; db: string; run: CliOptions; free: () => void } {
  const at = storeOnDisk(name);
  return { ...at, ...fill(at.db, room) };
}

function count(db: string, sql: string): number {
  forgetKey(db);
  const raw = rawStore(db, { readonly: true });
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    return raw.prepare(sql).pluck().get() as number;
  } finally {
    raw.close();
  }
}

/** The command's last line on stderr (progress lines come before it), with its newline. */
const lastLine = (stderr: string): string => `${stderr.trimEnd().split('\n').pop() ?? ''}\n`;

describe('a full disk', () => {
  it('during an import: one sentence naming the store, exit 1, the store as before plus whole records; imported again, complete', async (t) => {
    if (mode.kind === 'none') return t.skip(mode.why);
    const disk = fullDisk('import', 1_500_000);
    const before = count(disk.db, 'SELECT count(*) FROM report');
    const r = await cli(['import', extra, '--db', disk.db], disk.run);
    expect(r.status, r.stderr).toBe(1);
    expect(lastLine(r.stderr)).toBe(
      `casegraph: the disk is full (the store ${disk.db}): the import stopped; the records it had stored are whole, the rest of it was not stored (importing the same files again completes it). Free some space on it and run it again.\n`,
    );
    // On the full disk still: it opens, every report it had is there, every report is whole.
    expect(count(disk.db, "SELECT count(*) FROM report WHERE id NOT LIKE 'X-%'")).toBe(before);
    expect(count(disk.db, 'SELECT count(*) FROM report')).toBeLessThan(before + 3000);
    expect(
      count(
        disk.db,
        'SELECT count(*) FROM report r WHERE NOT EXISTS (SELECT 1 FROM report_version v WHERE v.report_id = r.id AND v.version = r.version)',
      ),
    ).toBe(0);
    disk.free();
    await cliOk(['import', extra, '--db', disk.db]);
    expect(count(disk.db, 'SELECT count(*) FROM report')).toBe(before + 3000);
  }, 120_000);

  it('during a statements import: the file being imported is not stored at all; the files before it are whole', async (t) => {
    if (mode.kind === 'none') return t.skip(mode.why);
    const disk = fullDisk('statements', 400_000);
    const files = fs
      .readdirSync(statements)
      .sort()
      .map((f) => path.join(statements, f));
    const r = await cli(['import-statements', ...files, '--db', disk.db], disk.run);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `casegraph: the disk is full \\(the store ${disk.db.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\): nothing of the statement file being imported was stored \\(files imported before it are kept whole\\)\\. Free some space on it and run it again\\.\\n$`,
      ),
    );
    const stored = count(disk.db, 'SELECT count(*) FROM statement_file');
    expect(stored).toBeLessThan(files.length);
    // A file's row is written first and its counts last, in one transaction: none half-written.
    expect(count(disk.db, 'SELECT count(*) FROM statement_file WHERE rows = 0')).toBe(0);
    expect(
      count(disk.db, 'SELECT count(*) FROM flow_txn_source s WHERE NOT EXISTS (SELECT 1 FROM statement_file f WHERE f.id = s.file_id)'),
    ).toBe(0);
    disk.free();
    await cliOk(['import-statements', ...files, '--db', disk.db]);
    expect(count(disk.db, 'SELECT count(*) FROM statement_file')).toBe(files.length);
  }, 120_000);

  it('during a link: nothing of the run is stored and the series are as they were', async (t) => {
    if (mode.kind === 'none') return t.skip(mode.why);
    if (mode.kind === 'rlimit')
      return t.skip(
        'under a file size limit SQLite reports a failed write (disk I/O error) from the worker, not a full disk: this needs the tmpfs',
      );
    // Reports waiting to be linked, then the disk full for the run.
    const at = storeOnDisk('link');
    await cliOk(['import', extra, '--db', at.db]);
    const waiting = { ...at, ...fill(at.db, 100_000) };
    const before = linkState(waiting.db);
    const r = await cli(['link', '--full', '--db', waiting.db], waiting.run);
    expect(r.status, r.stderr).toBe(1);
    expect(lastLine(r.stderr)).toBe(
      `casegraph: the disk is full (the store ${waiting.db}): nothing of this link run was stored; the series are as they were. Free some space on it and run it again.\n`,
    );
    expect(linkState(waiting.db)).toBe(before);
    waiting.free();
    await cliOk(['link', '--full', '--db', waiting.db]);
  }, 120_000);

  it('during a backup: one sentence naming the backup and the store, no partial file left, the store unchanged', async (t) => {
    if (mode.kind === 'none') return t.skip(mode.why);
    if (mode.kind === 'rlimit')
      return t.skip(
        'under a file size limit SQLite reports a failed write (disk I/O error) from the worker, not a full disk: this needs the tmpfs',
      );
    const disk = fullDisk('backup', 1_000_000);
    const before = linkState(disk.db);
    const out = path.join(disk.dir, 'store.backup');
    const r = await cli(['backup', '--out', out, '--db', disk.db], disk.run);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `casegraph: the disk is full (writing ${out} from the store ${disk.db}): no backup was written, and the partial copy is removed. Free some space on it and run it again.\n`,
    );
    expect(fs.readdirSync(disk.dir).filter((f) => f.includes('backup'))).toEqual([]);
    expect(linkState(disk.db)).toBe(before);
    disk.free();
    await cliOk(['backup', '--out', out, '--db', disk.db]);
    expect(
      fs
        .readdirSync(disk.dir)
        .filter((f) => f.includes('backup'))
        .sort(),
    ).toEqual(['store.backup', 'store.backup.key']);
  }, 120_000);
});
