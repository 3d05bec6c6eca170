// `casegraph references` as a user runs it (the built CLI): list, add, remove, shipped entries
// turned off and on, what to relink, the audit trail, and bad usage exiting 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/db';
import { ingest, report, testStore } from '../core/linking/support';
import { tempDir } from '../support/tmp';

const CLI = path.resolve(import.meta.dirname, '../../out/main/casegraph.js');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CASEGRAPH_DB: '/nonexistent/never-used.db' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: npm test builds it first (npm run build)`);
});

const url = (value: string): { kind: 'url'; value: string } => ({ kind: 'url', value });

function store(): string {
  const { db, file } = testStore();
  ingest(db, [
    report('VT1', { identifiers: [url('https://www.virustotal.com/#/url/aaa111/detection')] }),
    report('VT2', { identifiers: [url('https://www.virustotal.com/#/url/bbb222/detection')] }),
    report('KB1', { identifiers: [url('http://kb.example-forum.cn/t/1')] }),
    report('KB2', { narrative: '见论坛帖子 kb.example-forum.cn/t/2 的讨论' }),
  ]);
  db.close();
  return file;
}

function dirty(file: string): string[] {
  const db = openStore(file);
  try {
    const ids = db.prepare('SELECT r.id FROM link_dirty d JOIN report r ON r.rid = d.rid ORDER BY r.id').pluck().all() as string[];
    db.exec('DELETE FROM link_dirty');
    return ids;
  } finally {
    db.close();
  }
}

describe('casegraph references', () => {
  it('lists, adds and removes reference sites, turns shipped ones off and on, and marks what to relink', () => {
    const file = store();
    dirty(file);
    const help = run('references', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('usage: casegraph references list [--json]');
    expect(help.stdout).toContain('casegraph references add DOMAIN [--category C] [--reason TEXT]');
    expect(help.stdout).toContain('casegraph references remove DOMAIN');
    expect(run('--help').stdout).toMatch(/^\s+references\s+show or edit the reference sites/m);

    const list = run('references', 'list', '--db', file);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^virustotal\.com\s+scanner\s+shipped\s+VirusTotal file and URL scanner$/m);
    expect(list.stdout).toMatch(/^gov\.cn\s+government\s+shipped\s+/m);

    const added = run('references', 'add', 'https://KB.Example-Forum.cn/', '--category', 'forum', '--reason', '本地论坛', '--db', file);
    expect(added).toMatchObject({ status: 0, stdout: 'kb.example-forum.cn (forum) added; 2 reports relink at the next casegraph link\n' });
    expect(dirty(file)).toEqual(['KB1', 'KB2']);
    const json = JSON.parse(run('references', 'list', '--json', '--db', file).stdout) as {
      domain: string;
      category: string;
      source: string;
      enabled: boolean;
      reason: string | null;
    }[];
    expect(json.find((e) => e.source === 'investigator')).toMatchObject({
      domain: 'kb.example-forum.cn',
      category: 'forum',
      enabled: true,
      reason: '本地论坛',
    });
    expect(json.find((e) => e.domain === 'tieba.baidu.com')).toMatchObject({ source: 'shipped', category: 'forum', enabled: true });
    expect(run('references', 'list', '--db', file).stdout).toMatch(/^kb\.example-forum\.cn\s+forum\s+added\s+本地论坛$/m);
    expect(run('references', 'add', 'kb.example-forum.cn', '--db', file).stdout).toBe(
      'kb.example-forum.cn (forum) is already a reference site; nothing to relink\n',
    );

    const off = run('references', 'remove', 'virustotal.com', '--reason', '团伙仿冒 virustotal', '--json', '--db', file);
    expect(JSON.parse(off.stdout)).toEqual({ domain: 'virustotal.com', category: 'scanner', source: 'shipped', changed: true, relink: 2 });
    expect(dirty(file)).toEqual(['VT1', 'VT2']);
    expect(run('references', 'list', '--db', file).stdout).toMatch(
      /^virustotal\.com\s+scanner\s+shipped, turned off\s+VirusTotal file and URL scanner — 团伙仿冒 virustotal$/m,
    );
    expect(run('references', 'add', 'virustotal.com', '--db', file).stdout).toBe(
      'virustotal.com (scanner, shipped) turned back on; 2 reports relink at the next casegraph link\n',
    );
    expect(run('references', 'remove', 'kb.example-forum.cn', '--db', file).stdout).toBe(
      'kb.example-forum.cn (forum) removed; 2 reports relink at the next casegraph link\n',
    );

    expect(run('references', 'remove', 'nope.example.com', '--db', file)).toMatchObject({
      status: 1,
      stderr: 'casegraph: nope.example.com is not on the reference list\n',
    });
    const address = run('references', 'add', 'https://tieba.baidu.com/p/1', '--db', file);
    expect(address.status).toBe(2);
    expect(address.stderr.split('\n')[0]).toBe(
      'casegraph: "https://tieba.baidu.com/p/1" is an address, not a host; an entry covers every address on a host and the hosts under it, so give tieba.baidu.com',
    );

    const db = openStore(file);
    const audit = db.prepare("SELECT action, subject FROM audit_log WHERE action LIKE 'reference_%' ORDER BY id").all();
    db.close();
    expect(audit).toEqual([
      { action: 'reference_add', subject: 'kb.example-forum.cn' },
      { action: 'reference_add', subject: 'kb.example-forum.cn' },
      { action: 'reference_remove', subject: 'virustotal.com' },
      { action: 'reference_add', subject: 'virustotal.com' },
      { action: 'reference_remove', subject: 'kb.example-forum.cn' },
    ]);
  });

  it.each([
    [['references']],
    [['references', 'frobnicate']],
    [['references', 'add']],
    [['references', 'add', 'a.example.com', 'b.example.com']],
    [['references', 'add', 'a.example.com', '--category', 'planet']],
    [['references', 'add', 'a.example.com', '--reason', ' ']],
    [['references', 'remove', 'a.example.com', '--category', 'forum']],
    [['references', 'list', '--reason', 'x']],
    [['references', 'list', 'extra']],
    [['references', 'add', 'cn']],
  ])('%j is bad usage: exit 2, one line first', (args) => {
    const file = path.join(tempDir(), 'usage.db');
    const r = run(...args, '--db', file);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^casegraph: \S.*\nusage: casegraph references list/);
  });
});
