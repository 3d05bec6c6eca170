// Property-based fuzzing of the parsers of untrusted report data: records (files, feed pages,
// bundles), identifier normalisation and extraction, and feed pages. Never a crash: every input is
// either accepted or refused with a message naming the record's field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS } from '../../src/common/model';
import { extractIdentifiers, normaliseIdentifier } from '../../src/core/normalise';
import { parseRecord } from '../../src/core/report/parse';
import { parseFeedPage } from '../../src/core/sync/feed-page';
import { budget, LONG } from './budget';

const VALID = {
  id: 'RPT-2017-0000123',
  version: 1,
  precinct: 'NJ-XUANWU',
  reported_at: '2017-06-03T09:12:00+08:00',
  occurred_at: '2017-06-02T20:40:00+08:00',
  category: 'fake_prize',
  loss: { amount: '5000.00', currency: 'CNY' },
  victim: { name: '罗某', phone: '13905141234', age: 34, district: '玄武区' },
  narrative: '收到短信称银行送礼品，点击链接后按提示回复验证码，卡内5000元被转走。',
  messages: [{ channel: 'sms', sender: '1065 9057 0012', text: '【工商银行】积分可兑换礼品，请登录 icbc-jf.cn/lq 领取，回T退订' }],
  identifiers: [
    { kind: 'url', value: 'icbc-jf.cn/lq', role: 'link' },
    { kind: 'bank_card', value: '6217 0000 1234 5678 901', role: 'payee' },
  ],
};
const FIELDS = Object.keys(VALID);
const TIMEOUT = LONG ? 600_000 : 30_000;

/** A valid record with some fields replaced by arbitrary JSON, removed, or nested deeper. */
const mutatedRecord = fc
  .tuple(
    fc.subarray(FIELDS, { minLength: 1 }),
    fc.array(fc.oneof(fc.jsonValue(), fc.constant(undefined)), { minLength: FIELDS.length, maxLength: FIELDS.length }),
  )
  .map(([fields, values]) => {
    const r: Record<string, unknown> = structuredClone(VALID);
    fields.forEach((f, i) => {
      if (values[i] === undefined) delete r[f];
      else r[f] = values[i];
    });
    return r;
  });

function checkRefusal(result: ReturnType<typeof parseRecord>): void {
  if (result.ok) return;
  expect(typeof result.error.field).toBe('string');
  expect(result.error.field.length).toBeGreaterThan(0);
  expect(result.error.reason.length).toBeGreaterThan(0);
  // A refusal is one sentence, never the input echoed at length.
  expect(result.error.reason.length).toBeLessThan(400);
}

describe('report records', () => {
  it('accepts or refuses any JSON value, naming the field', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => checkRefusal(parseRecord(v))),
      budget(300),
    );
  });

  it('accepts or refuses a valid record with fields mutated, naming the field', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(mutatedRecord, (r) => checkRefusal(parseRecord(r))),
      budget(500),
    );
  });

  it('refuses an id with any control character, and never echoes it', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 0x1f }), fc.string({ maxLength: 20 }), (a, c, b) => {
        const r = parseRecord({ ...VALID, id: `${a}${String.fromCharCode(c)}${b}`.slice(0, 128) });
        expect(r).toMatchObject({ ok: false, error: { id: null, field: 'id' } });
      }),
      budget(200),
    );
  });
});

describe('identifiers', () => {
  it('normalises or refuses any text as every kind, and a normalised value normalises to itself', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...IDENTIFIER_KINDS),
        fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.stringMatching(/^[0-9 +\-()]{0,30}$/)),
        (kind, raw) => {
          const n = normaliseIdentifier(kind, raw);
          if (n === null) return;
          expect(n.kind).toBe(kind);
          expect(n.value.length).toBeGreaterThan(0);
          expect(normaliseIdentifier(kind, n.value)?.value).toBe(n.value);
        },
      ),
      // Found by fuzzing: symbols hid a mask that the normalised value showed.
      budget<[(typeof IDENTIFIER_KINDS)[number], string]>(2000, [['bank_account', '1^x5F^bQ=']]),
    );
  });

  it('extracts from any text without a crash, each value found in the text’s own kinds', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 120 })), (text) => {
        for (const x of extractIdentifiers(text)) expect(IDENTIFIER_KINDS).toContain(x.kind);
      }),
      budget(1000),
    );
  });
});

describe('feed pages', () => {
  const page = (records: unknown[], next: unknown): Buffer => Buffer.from(JSON.stringify({ records, next_cursor: next }));

  it('parses or refuses any body with a reason', { timeout: TIMEOUT }, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
          fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
          fc
            .tuple(
              fc.array(fc.oneof(fc.jsonValue(), fc.constant(VALID)), { maxLength: 5 }),
              fc.oneof(fc.string(), fc.constant(null), fc.jsonValue()),
            )
            .map(([r, n]) => page(r, n)),
        ),
        fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-8', 'text/html', 'application/x-ndjson'),
        (body, type) => {
          const r = parseFeedPage(body, type);
          if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
        },
      ),
      budget(500),
    );
  });
});
