// The baseline the linking engine is measured against: union-find on every shared identifier
// (reported or found in texts), nothing else. Reads the store the same way the engine's full run
// does and writes nothing. Usage: node link-baseline.mjs STORE.db  → prints {"reports","groups"}.
import { openBenchStore } from './open-store.mjs';

const db = openBenchStore(process.argv[2]);
const maxRid = db.prepare('SELECT coalesce(max(rid), 0) FROM report').pluck().get();
const parent = new Int32Array(maxRid + 1).map((_, i) => i);
const find = (x) => {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
};
const rows = db
  .prepare("SELECT group_concat(rid) FROM identifier WHERE coalesce(subtype, '') <> 'unparsed' GROUP BY kind, value HAVING count(*) > 1")
  .pluck();
for (const list of rows.iterate()) {
  const rids = list.split(',').map(Number);
  const root = find(rids[0]);
  for (let k = 1; k < rids.length; k++) {
    const r = find(rids[k]);
    if (r !== root) parent[r] = root;
  }
}
const live = db.prepare('SELECT rid FROM report WHERE withdrawn = 0').pluck().all();
const sizes = new Map();
for (const rid of live) sizes.set(find(rid), (sizes.get(find(rid)) ?? 0) + 1);
let groups = 0;
for (const n of sizes.values()) if (n > 1) groups++;
console.log(JSON.stringify({ reports: live.length, groups }));
