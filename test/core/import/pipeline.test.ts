import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { receiveBatches, serveBatches } from '../../../src/core/import/batch-channel';
import { ndjsonItem, type PreparedBatch } from '../../../src/core/import/pipeline';
import { prepareReport, searchText } from '../../../src/core/ingest/prepare';
import type { ReportRecord } from '../../../src/common/model';

const record: ReportRecord = {
  id: 'R1',
  version: 2,
  precinct: 'NJ-XUANWU',
  reported_at: '2024-03-05T10:00:00+08:00',
  category: 'part_time_job',
  loss: { amount: '1200.50', currency: 'CNY' },
  victim: { name: '张某', age: 52 },
  narrative: '对方加我微信 shuadan_888 后让我刷单，共被骗1200.50元。',
  messages: [{ channel: 'sms', sender: '10690000123', text: '【兼职】日结300元，或致电 138-0013-8000' }],
  identifiers: [
    { kind: 'wechat', value: 'shuadan_888', role: 'contact' },
    { kind: 'phone', value: '+86 139 0013 9000' },
  ],
};

describe('prepared reports', () => {
  it('reduce a record to its column values, identifier and message rows, and search text', () => {
    const [id, version, fields, identifiers, messages, text] = prepareReport(record, 1709604000000);
    expect([id, version]).toEqual(['R1', 2]);
    expect(fields).toEqual([
      'NJ-XUANWU',
      '2024-03-05T10:00:00+08:00',
      1709604000000,
      null,
      'part_time_job',
      null,
      120050,
      'CNY',
      '{"name":"张某","age":52}',
      null,
      record.narrative,
    ]);
    expect(identifiers).toContainEqual(['wechat', 'shuadan_888', 'shuadan_888', 'contact', 'reported', null, null, null]);
    expect(identifiers).toContainEqual(['phone', '+8613800138000', '138-0013-8000', null, 'message', 'mobile', null, null]);
    expect(messages).toEqual([['sms', '10690000123', record.messages?.[0]?.text, null]]);
    expect(text.split('\n')).toEqual([record.narrative, record.messages?.[0]?.text, '10690000123', '+86 139 0013 9000', '', '']);
  });

  it('index each searchable part once: a value already written in a text adds no match', () => {
    expect(searchText(record)).not.toMatch(/\nshuadan_888(\n|$)/);
    expect(
      searchText({
        ...record,
        narrative: undefined,
        messages: [
          { channel: 'im', text: '同一句话' },
          { channel: 'im', text: '同一句话' },
        ],
      }),
    ).toBe('同一句话\nshuadan_888\n+86 139 0013 9000\n\n');
  });

  it('are tombstones without rows', () => {
    expect(prepareReport({ id: 'R9', version: 3, deleted: true }, null)).toEqual(['R9', 3, null, [], [], '']);
  });

  it('come with the reason when a line is refused', () => {
    expect(ndjsonItem('f.ndjson', 7, '{"id":')).toEqual([
      1,
      'f.ndjson line 7',
      null,
      '(line)',
      expect.stringMatching(/^is not valid JSON/),
      '{"id":',
    ]);
    expect(ndjsonItem('f.ndjson', 8, '{"id":"R2","version":0}')).toEqual([
      1,
      'f.ndjson line 8',
      'R2',
      'version',
      expect.any(String),
      '{"id":"R2","version":0}',
    ]);
    expect(ndjsonItem('f.ndjson', 9, '  ')).toBeNull();
    expect(ndjsonItem('f.ndjson', 10, null)).toEqual([1, 'f.ndjson line 10', null, '(line)', 'line is longer than 16 MiB', '']);
  });
});

describe('batches across threads', () => {
  const batch = (n: number): PreparedBatch => ({ items: [], bytesRead: n });

  it('arrive in order, the producer never more than the window ahead of the consumer', async () => {
    const { port1, port2 } = new MessageChannel();
    let produced = 0;
    let consumed = 0;
    let ahead = 0;
    async function* source(): AsyncGenerator<PreparedBatch> {
      for (let i = 0; i < 20; i++) {
        produced += 1;
        ahead = Math.max(ahead, produced - consumed);
        yield batch(i);
      }
    }
    const served = serveBatches(port2, source());
    const got: number[] = [];
    for await (const b of receiveBatches<PreparedBatch>(port1, 2)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      got.push(b.bytesRead);
      consumed += 1;
    }
    await served;
    port1.close();
    expect(got).toEqual([...Array(20).keys()]);
    // Two asked for and answered, one more prepared and waiting for the next request.
    expect(ahead).toBeLessThanOrEqual(3);
  });

  it('carry a failure of the producer to the consumer', async () => {
    const { port1, port2 } = new MessageChannel();
    async function* source(): AsyncGenerator<PreparedBatch> {
      yield batch(1);
      throw new Error('EACCES: permission denied, open reports.ndjson');
    }
    void serveBatches(port2, source());
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const b of receiveBatches<PreparedBatch>(port1)) got.push(b.bytesRead);
      })(),
    ).rejects.toThrow('EACCES: permission denied, open reports.ndjson');
    port1.close();
    expect(got).toEqual([1]);
  });
});
