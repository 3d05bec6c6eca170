// Shared devices and one holder behind several cards, from hand-built statements (an xlsx answer
// with holder sheets, a GB18030 CSV, a bank gateway's CSV) imported into a real store: what must
// be found, with its accounts, counts and times, and what must not (private IPs, placeholder MACs,
// a victim's IP on incoming rows, a gateway over the cap, common names, two people on one phone).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowLinks } from '../../../src/core/statements/flow-links';
import { importStatements } from '../../../src/core/statements/import-statements';
import { ipIdentifiesDevice, macIdentifiesDevice, normaliseMac, normaliseStatementIp } from '../../../src/core/statements/device';
import { openStore } from '../../../src/core/store/db';
import { tempDir } from '../../support/tmp';
import { GATEWAY_IP, L1, L2, M1, M1_ID, M2, M3, M4, M5, P1, P2, RING_IP, RING_MAC, writeRingStatements } from './links-fixture';

const iso = (s: string): string => new Date(`${s.replace(' ', 'T')}+08:00`).toISOString();

describe('shared devices and holders', () => {
  it('normalises MACs and IPs however the banks write them, and tells which can identify a device', () => {
    for (const m of ['00-1a-2b-3c-4d-5e', '001A.2B3C.4D5E', '001a2b3c4d5e', ' 00:1A:2B:3C:4D:5E ']) expect(normaliseMac(m)).toBe(RING_MAC);
    expect(normaliseMac('未获取')).toBe('未获取');
    expect(normaliseStatementIp('036.112.010.005')).toBe(RING_IP);
    expect(normaliseStatementIp('::ffff:36.112.10.5')).toBe(RING_IP);
    expect(normaliseStatementIp('36.112.10.5:8443')).toBe(RING_IP);
    expect(macIdentifiesDevice(RING_MAC)).toBe(true);
    for (const m of ['00:00:00:00:00:00', 'FF:FF:FF:FF:FF:FF', '01:00:5E:00:00:FB', '未获取']) expect(macIdentifiesDevice(m)).toBe(false);
    expect(ipIdentifiesDevice(RING_IP)).toBe(true);
    expect(ipIdentifiesDevice('2408:8207::1')).toBe(true);
    for (const ip of ['192.168.1.100', '10.0.0.1', '172.20.1.1', '100.72.0.1', '127.0.0.1', '0.0.0.0', 'fe80::1', 'fd00::1'])
      expect(ipIdentifiesDevice(ip), ip).toBe(false);
  });

  it('finds the cards run from one phone and the holders behind several cards, and nothing else', async () => {
    const dir = tempDir();
    const db = openStore(path.join(dir, 'store.db'));
    const r = await importStatements(db, await writeRingStatements(dir));
    expect(r.rejected).toBe(0);
    expect(r.files.map((f) => f.encoding)).toEqual(['xlsx', 'gb18030', 'utf-8']);
    // Each row keeps its own device, normalised; the terminal as written.
    const m1Out = db
      .prepare(
        `SELECT s.ip, s.mac, s.terminal FROM flow_txn_source s JOIN flow_txn t ON t.id = s.txn_id JOIN flow_account a ON a.id = t.from_id
         WHERE a.value = ? ORDER BY t.at_ms`,
      )
      .all(M1);
    expect(m1Out).toEqual([
      { ip: RING_IP, mac: RING_MAC, terminal: 'IMEI8612' },
      { ip: '192.168.1.100', mac: RING_MAC, terminal: null },
    ]);
    // The holder sheet read before the transactions still reached the accounts with that ID number.
    expect(db.prepare('SELECT holder, id_number, phone, bank FROM flow_account WHERE value = ?').get(M1)).toEqual({
      holder: '王某',
      id_number: M1_ID,
      phone: '13800138000',
      bank: '中山路支行',
    });

    const links = flowLinks(db);
    expect(links.maxAccounts).toBe(20);
    expect(links.devices.map((d) => [d.kind, d.value, d.accounts.map((a) => [a.account, a.transactions])])).toEqual([
      [
        'mac',
        RING_MAC,
        [
          [M1, 2],
          [M2, 1],
          [M3, 1],
          [M4, 1],
        ],
      ],
      [
        'ip',
        RING_IP,
        [
          [M1, 1],
          [M2, 1],
        ],
      ],
    ]);
    const mac = links.devices[0]!;
    expect(mac).toMatchObject({ transactions: 5, first: iso('2025-03-01 10:05:00'), last: iso('2025-03-05 20:06:00') });
    expect(mac.accounts[0]).toMatchObject({
      holder: '王某',
      requested: true,
      first: iso('2025-03-01 10:05:00'),
      last: iso('2025-03-01 10:09:00'),
    });
    expect(mac.evidence).toContain(`4 accounts paid from MAC ${RING_MAC}`);
    // The gateway is set aside, named with its count; the private IP, the zero MAC and the victims'
    // IP on incoming rows are no finding at all.
    expect(links.ignored).toEqual([{ kind: 'ip', value: GATEWAY_IP, accounts: 25 }]);
    const values = links.devices.map((d) => d.value);
    for (const v of ['192.168.1.100', '00:00:00:00:00:00', '58.20.1.1', 'A4:5E:60:11:22:33']) expect(values).not.toContain(v);

    expect(links.holders.map((h) => [h.basis, h.accounts.map((a) => a.account)])).toEqual([
      // 人员信息 gave the phone to every account with that ID number: the name and phone agree too.
      [
        ['id_number', 'name_phone'],
        [M1, M2, M4],
      ],
      [['name_phone'], [M3, M5]],
    ]);
    expect(links.holders[0]).toMatchObject({ names: ['王某'], idNumbers: [M1_ID], phones: ['13800138000'] });
    expect(links.holders[1]).toMatchObject({ names: ['王伟', '王 伟'], phones: ['13800001111'] });
    const held = links.holders.flatMap((h) => h.accounts.map((a) => a.account));
    for (const other of [L1, L2, P1, P2]) expect(held).not.toContain(other);

    // With a higher cap the gateway's customers are one device's; a series' scope keeps what touches it.
    const wide = flowLinks(db, { maxAccounts: 30 });
    expect(wide.ignored).toEqual([]);
    expect(wide.devices.find((d) => d.value === GATEWAY_IP)?.accounts).toHaveLength(25);
    const id = (v: string): number => db.prepare('SELECT id FROM flow_account WHERE value = ?').pluck().get(v) as number;
    const scoped = flowLinks(db, { within: new Set([id(M3)]) });
    expect(scoped.devices.map((d) => d.value)).toEqual([RING_MAC]);
    expect(scoped.holders.map((h) => h.accounts.length)).toEqual([2]);
    expect(() => flowLinks(db, { maxAccounts: 1 })).toThrow(/at least 2/);
    db.close();
  });
});
