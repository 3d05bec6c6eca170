// The exact-address detector of redaction: the forms that must go (whole span, with the
// administrative prefix written directly before), and the near-misses that must stay —
// districts (kept on purpose), bank branches named after a road, URLs, phones, dates, a single
// building part without a street ("第3单元测试" stays: one unit number pins nothing).
import { describe, expect, it } from 'vitest';
import { findAddresses, replaceAddresses } from '../../../src/core/bundle/addresses';
import { generateDemo } from '../../../src/core/demo';
import { ADDRESS_NAMES } from '../../../src/core/demo/home-address';
import { extractIdentifiers } from '../../../src/core/normalise';

// [text, the address spans found in it]
const REMOVED: readonly (readonly [string, readonly string[]])[] = [
  ['我家住在玄武区中山路88号3栋2单元501室', ['玄武区中山路88号3栋2单元501室']],
  ['住址：江苏省南京市鼓楼区汉中路2号金陵小区5幢1203', ['江苏省南京市鼓楼区汉中路2号金陵小区5幢1203']],
  ['地址北京市朝阳区建国路93号院', ['北京市朝阳区建国路93号院']],
  ['Room 501, 88 Zhongshan Road', ['Room 501, 88 Zhongshan Road']],
  ['寄件地址 No. 88 Zhongshan Rd, Xuanwu District', ['No. 88 Zhongshan Rd']],
  ['收货地址是Zhongshan Lu 88', ['Zhongshan Lu 88']],
  ['上海市黄浦区南京东路300弄5号', ['上海市黄浦区南京东路300弄5号']],
  ['现住双龙大道１８８８号１２栋２单元１２０３室', ['双龙大道１８８８号１２栋２单元１２０３室']],
  ['我住南湖新村三栋二单元401', ['南湖新村三栋二单元401']],
  ['收货地址：金陵小区5-2-501，放门口', ['金陵小区5-2-501']],
  ['报警人现住玄武区龙江小区26-4-103室。', ['玄武区龙江小区26-4-103室']],
  ['住在秦淮区夫子庙社区3栋502', ['秦淮区夫子庙社区3栋502']],
  ['公司在中山东路18号国际贸易中心25楼', ['中山东路18号国际贸易中心25楼']],
  ['玄武区中山路八十八号', ['玄武区中山路八十八号']],
  ['中山路88-1号', ['中山路88-1号']],
  ['Flat 3B, 12 Nanjing Road', ['Flat 3B, 12 Nanjing Road']],
  ['户籍地江宁区李家村五组12号', ['江宁区李家村五组12号']],
  ['成都市武侯区人民南路四段12号', ['成都市武侯区人民南路四段12号']],
  ['对方让我去中山路附近的如家酒店8203房间接受调查', ['如家酒店8203房间']],
  ['家住秦淮区长乐路12号院2号楼1单元302室，电话13800138000', ['秦淮区长乐路12号院2号楼1单元302室']],
  ['快递寄到了建邺区江东中路 108号 万达广场 A座1806', ['建邺区江东中路 108号 万达广场 A座1806']],
  ['东城区南锣鼓巷甲2号', ['东城区南锣鼓巷甲2号']],
  ['住在西城区砖塔胡同56号', ['西城区砖塔胡同56号']],
  ['我住3栋2单元501室', ['3栋2单元501室']],
  ['5幢1203的业主', ['5幢1203']],
  ['南京市玄武区中山路88号', ['南京市玄武区中山路88号']],
  ['前后两处：中山路1号、汉中路2号', ['中山路1号', '汉中路2号']],
];

const KEPT: readonly string[] = [
  '玄武区',
  '南京市鼓楼区',
  '报警人家住玄武区，被骗5000元',
  '江苏省南京市',
  '我到工商银行中山路支行办理了挂失',
  '对方冒充建设银行汉中路支行工作人员',
  '链接 http://zhongshanlu88.cn/3/501 打不开',
  'www.jianguolu-93.com/room/501',
  'zhongshan-lu.cn/88',
  '第3单元测试',
  '在3楼开会',
  '3月12号晚上',
  '6月2日晚上在中山路附近',
  '我知道3号那天他不在',
  '电话138-0013-8000',
  '客服12号让我转账',
  '给王总转账5000元',
  '两室一厅',
  '租了一栋楼',
  '地铁1号线',
  '渠道12号',
  '群里3个人',
  '对方说是南京市公安局玄武分局的民警',
  '卡号6217 0000 1234 5678 901',
];

describe('exact addresses', () => {
  it.each(REMOVED)('finds %s', (text, spans) => {
    expect(findAddresses(text).map((s) => s.text)).toEqual(spans);
    const out = replaceAddresses(text, '[x]');
    for (const s of spans) expect(out).not.toContain(s);
  });

  it.each(KEPT)('leaves %s', (text) => {
    expect(findAddresses(text)).toEqual([]);
    expect(replaceAddresses(text, '[x]')).toBe(text);
  });

  it('keeps the sentence around an address', () => {
    expect(replaceAddresses('报警人罗某称其家住玄武区中山路88号3栋2单元501室，于6月2日被骗。', '[x]')).toBe(
      '报警人罗某称其家住[x]，于6月2日被骗。',
    );
    expect(replaceAddresses('对方准确说出了我的收货地址鼓楼区汉中路2号金陵小区5幢1203，我就信了。', '[x]')).toBe(
      '对方准确说出了我的收货地址[x]，我就信了。',
    );
  });

  it('never changes the identifiers found in the text', () => {
    const text =
      '我家住在玄武区中山路88号3栋2单元501室，对方13800138000打来电话，让我登录 http://zhongshanlu88.cn/lq 并向卡号6217000012345678901转账，QQ 123456789，住址：鼓楼区汉中路2号金陵小区5幢1203 13912345678';
    expect(extractIdentifiers(replaceAddresses(text, '[redacted address]'))).toEqual(extractIdentifiers(text));
  });

  it("finds every address of the demo's narratives whole, and nothing else in its texts", () => {
    const names = [...ADDRESS_NAMES.roads, ...ADDRESS_NAMES.compounds, ...ADDRESS_NAMES.hotels];
    let found = 0;
    const strange: string[] = [];
    const left: string[] = [];
    for (const { record } of generateDemo({ reports: 5000, seed: 5 })) {
      const r = record as { narrative?: string; messages?: { text: string; sender?: string }[] };
      for (const text of [r.narrative ?? '', ...(r.messages ?? []).flatMap((m) => [m.text, m.sender ?? ''])]) {
        const spans = findAddresses(text);
        found += spans.length;
        for (const s of spans) if (!names.some((n) => s.text.includes(n))) strange.push(s.text);
        const rest = replaceAddresses(text, '[x]');
        for (const n of names) if (rest.includes(n)) left.push(rest);
      }
    }
    expect(strange).toEqual([]);
    expect(left).toEqual([]);
    expect(found).toBeGreaterThan(400);
  });

  // Hostile texts: long runs of address words. A pattern that backtracks into them would take
  // minutes here and hit the test's timeout; the detector reads each once. (Its speed on real
  // text is in the bundle benchmark's redacted export, never timed in a unit test.)
  it('reads long runs of address words once, and finds what they end in', () => {
    for (const text of [
      '区路'.repeat(10_000) + '号',
      '市区路'.repeat(7000) + '1号',
      '路1'.repeat(10_000) + '号',
      '小区'.repeat(10_000) + '1栋',
      '1栋'.repeat(10_000),
    ]) {
      const spans = findAddresses(text);
      for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
  });
});
