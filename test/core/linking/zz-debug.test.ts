import { it } from 'vitest';
import { explain, formatExplanation } from '../../../src/core/linking/explain';
import { linkStore } from '../../../src/core/linking/store-io';
import { card, ingest, phone, report, testStore } from './support';

it('debug', () => {
  const { db } = testStore();
  ingest(db, [
    report('A1', { identifiers: [card('6222 0212 3456 7890 128')] }),
    report('A2', { identifiers: [card('6222-0212-3456-7890-128'), phone('+86 138-0013-8000')] }),
    report('A3', { identifiers: [phone('0086 13800138000')] }),
    report('B1', { category: 'loan', identifiers: [card('6217000012345678901')] }),
    report('B2', { category: 'loan', identifiers: [card('6217 0000 1234 5678 901')] }),
    report('L1', { identifiers: [phone('95588')] }),
    report('L2', { identifiers: [phone('95588')] }),
  ]);
  console.log(JSON.stringify(linkStore(db)));
  ingest(db, [report('A4', { identifiers: [phone('13800138000')] })]);
  console.log(JSON.stringify(linkStore(db)));
  console.log(formatExplanation(explain(db, 'A1', 'A4')).join('\n'));
  ingest(db, [report('X', { category: 'loan', identifiers: [card('6217000012345678901'), phone('13800138000'), card('6222021234567890128')] })]);
  console.log(JSON.stringify(linkStore(db)));
  console.log(formatExplanation(explain(db, 'X', 'A1')).join('\n'));
  console.log(formatExplanation(explain(db, 'X', 'B1')).join('\n'));
  console.log(db.prepare('select params from link_model').pluck().get());
});
