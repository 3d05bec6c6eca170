// The redactor on one hand-written record: a victim's phone however it is written (spaces,
// dashes, full-width digits), ID numbers, the victim's own card, the name, exact addresses in
// any free text (a plain marker, key or not; the district stays); the fraudster's values
// untouched; keyed hashes stable under one key and different under another.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../src/core/bundle/redact';
import { parseRecord } from '../../../src/core/report/parse';

const record = {
  id: 'R-1',
  version: 2,
  precinct: 'NJ-XUANWU',
  reported_at: '2024-06-03T09:12:00+08:00',
  category: 'fake_prize',
  loss: { amount: '5000.00', currency: 'CNY' },
  victim: { name: '罗晓梅', phone: '139 0514 1234', id_number: '320102198403051234', age: 40, gender: '女', district: '玄武区' },
  location: { district: '玄武区', lat: 32.05, lon: 118.79 },
  narrative:
    '报警人罗晓梅（电话１３９０５１４１２３４，身份证320102198403051234）称收到13800138000发来的短信，点击 icbc-jf.cn/lq 后卡号6217000012345678901被转走5000元。',
  messages: [
    {
      channel: 'sms',
      sender: '1065 9057 0012',
      text: '罗晓梅您好，您的积分可兑换礼品，请登录 icbc-jf.cn/lq 领取，或致电139-0514-1234核实',
    },
  ],
  identifiers: [
    { kind: 'phone', value: '138 0013 8000', role: 'caller' },
    { kind: 'url', value: 'icbc-jf.cn/lq', role: 'link' },
    { kind: 'bank_card', value: '6217 0000 1234 5678 901', role: 'payer' },
  ],
  extra_field: '罗晓梅 13905141234',
};

function redacted(key: string | null): Record<string, unknown> {
  const r = new Redactor(key);
  r.learn(record);
  return r.redact(record);
}

describe('redactor', () => {
  it('removes the victim however written and keeps the fraudster side; the result is still report-format v1', () => {
    const out = redacted('k'.repeat(20));
    const text = JSON.stringify(out);
    for (const gone of [
      '罗晓梅',
      '13905141234',
      '1390514',
      '１３９０５１４１２３４',
      '139-0514-1234',
      '320102198403051234',
      '6217000012345678901',
      '6217 0000 1234 5678 901',
      '32.05',
      '118.79',
      'extra_field',
    ]) {
      expect(text).not.toContain(gone);
    }
    for (const kept of ['13800138000', '138 0013 8000', 'icbc-jf.cn/lq', '1065 9057 0012', '5000元', '玄武区'])
      expect(text).toContain(kept);
    expect(out['victim']).toMatchObject({
      name: expect.stringMatching(/^hmac-sha256:[0-9a-f]{64}$/),
      phone: expect.stringMatching(/^hmac-sha256:/),
      age: 40,
      gender: '女',
    });
    expect(text).toMatch(/\[redacted phone [a-p]{16}\]/);
    expect(text).not.toMatch(/\[redacted [a-z_]+ [a-p]*[0-9]/);
    expect(parseRecord(out).ok).toBe(true);
  });

  it('gives the same hash under one key, another under another key, and plain markers without a key', () => {
    const a = redacted('shared key of the two bureaus');
    const b = redacted('shared key of the two bureaus');
    const c = redacted('another bureau, another key!!');
    expect(a['victim']).toEqual(b['victim']);
    expect((a['victim'] as { phone: string }).phone).not.toBe((c['victim'] as { phone: string }).phone);
    const plain = redacted(null);
    expect(plain['victim']).toMatchObject({ name: '[redacted]', phone: '[redacted]', id_number: '[redacted]' });
    expect(JSON.stringify(plain)).not.toContain('hmac');
  });
});

describe('redactor and exact addresses', () => {
  const withAddresses = {
    id: 'R-1',
    version: 1,
    precinct: 'NJ-XUANWU',
    reported_at: '2024-06-03T09:12:00+08:00',
    category: 'impersonating_officials',
    victim: { name: '罗晓梅', district: '玄武区' },
    location: { district: '玄武区', lat: 32.05, lon: 118.79 },
    narrative: '罗晓梅家住玄武区中山路８８号３栋２单元５０１室，对方13800138000让她去汉庭酒店1203房间单独接受调查。',
    messages: [{ channel: 'sms', sender: '中山路88号', text: '快递送到鼓楼区汉中路2号金陵小区5幢1203，请致电13800138000' }],
  };

  it('replaces each address with a plain marker in letters only, with or without a sharing key; the district stays', () => {
    for (const key of ['k'.repeat(20), null]) {
      const r = new Redactor(key);
      r.learn(withAddresses);
      const out = r.redact(withAddresses);
      const text = JSON.stringify(out);
      for (const gone of ['中山路', '８８号', '汉中路', '金陵小区', '1203', '汉庭酒店']) expect(text).not.toContain(gone);
      expect(out['narrative']).toMatch(/家住\[redacted address\]，对方13800138000让她去\[redacted address\]单独接受调查。$/);
      expect((out['messages'] as { text: string; sender: string }[])[0]).toMatchObject({
        sender: '[redacted address]',
        text: '快递送到[redacted address]，请致电13800138000',
      });
      expect(out['victim']).toMatchObject({ district: '玄武区' });
      expect(out['location']).toEqual({ district: '玄武区' });
      expect(r.text('南京市鼓楼区')).toBe('南京市鼓楼区');
    }
  });
});
