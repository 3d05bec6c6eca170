// Accounts tied together by who operates them, from the statements (docs/statements.md):
// - a shared device: accounts whose payments were made from the same IP or MAC (the gang runs many
//   mule cards from one phone or PC). A row's device is the statement's own account's when that row
//   is the account's own operation (a payment out or a withdrawal): on an incoming row the bank may
//   record the payer's device. Only addresses that tell devices apart count (device.ts: public IPs,
//   real MACs), and an address used by more than `maxAccounts` accounts (a bank's gateway, a
//   carrier's NAT, a shared terminal) is set aside, named as such, never a finding;
// - one holder: accounts whose holder data (the statement's 交易户名/开户人证件号码, the holder sheets
//   人员信息/账户信息, the counterparty columns) give the same ID number, or the same name and phone
//   where their ID numbers do not differ.
import type { DeviceLink, FlowLinks, HolderLink, IgnoredDevice, LinkedAccount } from '../../common/api/flow';
import type { Db } from '../store/db';
import {
  ipIdentifiesDevice,
  macIdentifiesDevice,
  normaliseHolderName,
  normaliseHolderPhone,
  normaliseIdNumber,
  normaliseMac,
  normaliseStatementIp,
} from './device';

export interface LinkOptions {
  /** A device used by more accounts than this is a gateway or NAT, not one gang's (default 20). */
  readonly maxAccounts?: number;
  /** Only findings that involve one of these accounts (a series' flow), when given. */
  readonly within?: ReadonlySet<number>;
}

export const DEFAULT_MAX_ACCOUNTS = 20;

interface Use {
  count: number;
  first: number;
  last: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

interface AccountInfo {
  readonly value: string;
  readonly holder: string | null;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly bank: string | null;
  readonly requested: boolean;
}

function accountInfo(db: Db): (id: number) => AccountInfo {
  const stmt = db.prepare<
    [number],
    { value: string; holder: string | null; id_number: string | null; phone: string | null; bank: string | null; requested: number }
  >('SELECT value, holder, id_number, phone, bank, requested FROM flow_account WHERE id = ?');
  const cache = new Map<number, AccountInfo>();
  return (id) => {
    let a = cache.get(id);
    if (!a) {
      const r = stmt.get(id) as {
        value: string;
        holder: string | null;
        id_number: string | null;
        phone: string | null;
        bank: string | null;
        requested: number;
      };
      a = { value: r.value, holder: r.holder, idNumber: r.id_number, phone: r.phone, bank: r.bank, requested: r.requested === 1 };
      cache.set(id, a);
    }
    return a;
  };
}

function deviceLinks(db: Db, info: (id: number) => AccountInfo, maxAccounts: number, within: ReadonlySet<number> | undefined) {
  const rows = db
    .prepare(
      `SELECT s.ip, s.mac, t.from_id, t.at_ms FROM flow_txn_source s JOIN flow_txn t ON t.id = s.txn_id
       WHERE s.side = 'from' AND t.from_id IS NOT NULL AND (s.ip IS NOT NULL OR s.mac IS NOT NULL)`,
    )
    .raw()
    .all() as [string | null, string | null, number, number][];
  const byDevice = new Map<string, Map<number, Use>>();
  const note = (key: string, account: number, at: number): void => {
    let accounts = byDevice.get(key);
    if (!accounts) byDevice.set(key, (accounts = new Map()));
    const u = accounts.get(account);
    if (u) {
      u.count += 1;
      u.first = Math.min(u.first, at);
      u.last = Math.max(u.last, at);
    } else accounts.set(account, { count: 1, first: at, last: at });
  };
  for (const [ipRaw, macRaw, account, at] of rows) {
    // Normalised again: rows written before the import normalised them read the same.
    const ip = normaliseStatementIp(ipRaw);
    const mac = normaliseMac(macRaw);
    if (ip !== null && ipIdentifiesDevice(ip)) note(`ip\u0000${ip}`, account, at);
    if (mac !== null && macIdentifiesDevice(mac)) note(`mac\u0000${mac}`, account, at);
  }
  const links: DeviceLink[] = [];
  const ignored: IgnoredDevice[] = [];
  for (const [key, accounts] of byDevice) {
    if (accounts.size < 2) continue;
    const [kind, value] = key.split('\u0000') as ['ip' | 'mac', string];
    if (accounts.size > maxAccounts) {
      ignored.push({ kind, value, accounts: accounts.size });
      continue;
    }
    if (within && ![...accounts.keys()].some((id) => within.has(id))) continue;
    const list = [...accounts]
      .sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first || a[0] - b[0])
      .map(([id, u]): DeviceLink['accounts'][number] => {
        const a = info(id);
        return {
          account: a.value,
          holder: a.holder,
          requested: a.requested,
          transactions: u.count,
          first: iso(u.first),
          last: iso(u.last),
        };
      });
    const uses = [...accounts.values()];
    const transactions = uses.reduce((s, u) => s + u.count, 0);
    const first = Math.min(...uses.map((u) => u.first));
    const last = Math.max(...uses.map((u) => u.last));
    links.push({
      kind,
      value,
      accounts: list,
      transactions,
      first: iso(first),
      last: iso(last),
      evidence: `${list.length} accounts paid from ${kind === 'ip' ? 'IP' : 'MAC'} ${value}: ${list
        .map((a) => `${a.account} (${a.transactions} transactions, ${a.first} … ${a.last})`)
        .join(', ')}`,
    });
  }
  links.sort((a, b) => b.accounts.length - a.accounts.length || b.transactions - a.transactions || a.value.localeCompare(b.value));
  ignored.sort((a, b) => b.accounts - a.accounts || a.value.localeCompare(b.value));
  return { links, ignored };
}

class Groups {
  private readonly parent = new Map<number, number>();
  find(x: number): number {
    let p = this.parent.get(x) ?? x;
    while (p !== (this.parent.get(p) ?? p)) p = this.parent.get(p) ?? p;
    this.parent.set(x, p);
    return p;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
}

function holderLinks(db: Db, info: (id: number) => AccountInfo, within: ReadonlySet<number> | undefined): HolderLink[] {
  const rows = db
    .prepare(
      'SELECT id, holder, id_number, phone FROM flow_account WHERE id_number IS NOT NULL OR (holder IS NOT NULL AND phone IS NOT NULL)',
    )
    .raw()
    .all() as [number, string | null, string | null, string | null][];
  const byId = new Map<string, number[]>();
  const byNamePhone = new Map<string, { id: number; idNumber: string | null }[]>();
  for (const [id, holder, idNumber, phone] of rows) {
    const n = normaliseIdNumber(idNumber);
    if (n !== null) (byId.get(n) ?? byId.set(n, []).get(n)!).push(id);
    const name = normaliseHolderName(holder);
    const tel = normaliseHolderPhone(phone);
    if (name !== null && tel !== null) {
      const key = `${name}\u0000${tel}`;
      (byNamePhone.get(key) ?? byNamePhone.set(key, []).get(key)!).push({ id, idNumber: n });
    }
  }
  const groups = new Groups();
  const basis = new Map<number, Set<'id_number' | 'name_phone'>>();
  const mark = (ids: readonly number[], why: 'id_number' | 'name_phone'): void => {
    for (const id of ids.slice(1)) groups.union(ids[0] as number, id);
    for (const id of ids) (basis.get(id) ?? basis.set(id, new Set()).get(id)!).add(why);
  };
  for (const ids of byId.values()) if (ids.length >= 2) mark(ids, 'id_number');
  for (const members of byNamePhone.values()) {
    if (members.length < 2) continue;
    // Name and phone tie accounts only where their ID numbers do not differ: two known, different
    // ID numbers are two people (a parent's phone on a child's card).
    const known = new Set(members.map((m) => m.idNumber).filter((x): x is string => x !== null));
    if (known.size <= 1)
      mark(
        members.map((m) => m.id),
        'name_phone',
      );
  }
  const clusters = new Map<number, number[]>();
  for (const id of basis.keys()) {
    const root = groups.find(id);
    (clusters.get(root) ?? clusters.set(root, []).get(root)!).push(id);
  }
  const out: HolderLink[] = [];
  for (const ids of clusters.values()) {
    if (ids.length < 2) continue;
    if (within && !ids.some((id) => within.has(id))) continue;
    ids.sort((a, b) => a - b);
    const accounts: LinkedAccount[] = ids.map((id) => {
      const a = info(id);
      return {
        account: a.value,
        holder: a.holder,
        idNumber: normaliseIdNumber(a.idNumber),
        phone: a.phone,
        bank: a.bank,
        requested: a.requested,
      };
    });
    const why = new Set(ids.flatMap((id) => [...(basis.get(id) ?? [])]));
    const names = [...new Set(accounts.map((a) => a.holder).filter((x): x is string => x !== null))];
    const idNumbers = [...new Set(accounts.map((a) => a.idNumber).filter((x): x is string => x !== null))];
    const phones = [...new Set(accounts.map((a) => normaliseHolderPhone(a.phone)).filter((x): x is string => x !== null))];
    const basisList = (['id_number', 'name_phone'] as const).filter((b) => why.has(b));
    out.push({
      basis: basisList,
      names,
      idNumbers,
      phones,
      accounts,
      evidence: `${accounts.length} accounts held by ${names.join(' / ') || 'one holder'}: ${basisList
        .map((b) => (b === 'id_number' ? `the same ID number ${idNumbers.join(', ')}` : `the same name and phone ${phones.join(', ')}`))
        .join(' and ')} (${accounts.map((a) => a.account).join(', ')})`,
    });
  }
  return out.sort(
    (a, b) => b.accounts.length - a.accounts.length || (a.accounts[0]?.account ?? '').localeCompare(b.accounts[0]?.account ?? ''),
  );
}

/** The accounts sharing a device, the holders behind several accounts, and the devices set aside. */
export function flowLinks(db: Db, options: LinkOptions = {}): FlowLinks {
  const maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
  if (!Number.isInteger(maxAccounts) || maxAccounts < 2) throw new RangeError('the device cap must be a whole number of at least 2');
  return db.transaction(() => {
    const info = accountInfo(db);
    const { links, ignored } = deviceLinks(db, info, maxAccounts, options.within);
    return { devices: links, holders: holderLinks(db, info, options.within), ignored, maxAccounts };
  })();
}
