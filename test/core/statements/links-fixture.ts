// Hand-built bank statements of a mule ring (shared with the CLI test): a bank's xlsx answer for
// three level-1 cards paid from one phone (its MAC written three ways, one public IP written with
// leading zeros), with a 人员信息 sheet before the transactions and a 账户信息 sheet (M3's holder has
// a second card M5, the same name and phone); a GB18030 CSV of another bank for a fourth card on
// the same phone, held by M1's holder (the same ID number, written with a small x); and a CSV of 25
// customers of a bank whose gateway IP every payment carries. Besides, what must not be found: a
// private IP and an all-zero MAC on cards of both banks, a victim's IP on the cards' incoming rows,
// a common name with different phones, and one name and phone with two ID numbers.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const card = (k: number): string => `6222${String(3141592650000 + k * 7919).padStart(15, '0')}`;

export const M1 = card(1);
export const M2 = card(2);
export const M3 = card(3);
export const M4 = card(4);
/** A card of M3's holder (same name and phone) that no statement row names. */
export const M5 = card(5);
/** Victims paying into M1 and M4. */
export const V1 = card(11);
export const V2 = card(12);
/** Two cards of two different 李强 (same name, other phones), and two of one name and phone with two ID numbers. */
export const L1 = card(21);
export const L2 = card(22);
export const P1 = card(23);
export const P2 = card(24);
export const LAYER2 = card(31);
export const GATEWAY_IP = '203.0.113.9';
export const RING_MAC = '00:1A:2B:3C:4D:5E';
export const RING_IP = '36.112.10.5';
export const M1_ID = '11010119900101123X';

const HEADER = [
  '交易卡号',
  '交易户名',
  '开户人证件号码',
  '交易时间',
  '交易金额',
  '交易余额',
  '收付标志',
  '交易对手账卡号',
  '对手户名',
  '对手身份证号',
  '摘要说明',
  'IP地址',
  'MAC地址',
  '终端号',
];

type Row = (string | number)[];

function at(day: number, hh: number, mm: number): string {
  return `2025-03-${String(day).padStart(2, '0')} ${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}:00`;
}

function csv(rows: readonly Row[]): string {
  return (
    rows
      .map((r) =>
        r
          .map((c) => String(c))
          .map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(','),
      )
      .join('\r\n') + '\r\n'
  );
}

export async function writeRingStatements(dir: string): Promise<string[]> {
  const xlsx = path.join(dir, 'bank-a.xlsx');
  const wb = new ExcelJS.Workbook();
  // The holder sheet first: the accounts it names are not yet read when it is.
  const people = wb.addWorksheet('人员信息');
  people.addRow(['客户名称', '证件号码', '联系电话']);
  people.addRow(['王某', M1_ID.toLowerCase(), '13800138000']);
  const accounts = wb.addWorksheet('账户信息');
  accounts.addRow(['账号', '客户名称', '证件号码', '联系电话', '开户网点']);
  accounts.addRow([M1, '王某', M1_ID, '', '中山路支行']);
  accounts.addRow([M2, '王某', M1_ID.toLowerCase().replace(/^(\d{6})/, '$1 '), '', '新街口支行']);
  accounts.addRow([M3, '王伟', '', '13800001111', '鼓楼支行']);
  accounts.addRow([M5, '王 伟', '', '+86 138 0000 1111', '']);
  accounts.addRow([L1, '李强', '', '13900002222', '']);
  accounts.addRow([L2, '李强', '', '13900003333', '']);
  accounts.addRow([P1, '赵敏', '320102198001010011', '13700004444', '']);
  accounts.addRow([P2, '赵敏', '320102198507070022', '13700004444', '']);
  const tx = wb.addWorksheet('交易明细');
  tx.addRow(['某银行 交易明细查询结果']);
  tx.addRow(HEADER);
  const r: Row[] = [
    // Incoming from a victim, recorded with the victim's IP: not the card's device.
    [M1, '王某', M1_ID, at(1, 10, 0), '5000.00', '5000.00', '进', V1, '受害人甲', '320101199505051234', '转账', '58.20.1.1', '', ''],
    [
      M1,
      '王某',
      M1_ID,
      at(1, 10, 5),
      '4900.00',
      '100.00',
      '出',
      LAYER2,
      '下家',
      '',
      '转账',
      '036.112.010.005',
      '00-1a-2b-3c-4d-5e',
      'IMEI8612',
    ],
    [M1, '王某', M1_ID, at(1, 10, 9), '50.00', '50.00', '出', LAYER2, '下家', '', '转账', '192.168.1.100', '001A.2B3C.4D5E', ''],
    [M2, '王某', M1_ID, at(2, 9, 0), '3000.00', '3000.00', '进', V2, '受害人乙', '', '转账', '58.20.1.1', '', ''],
    [M2, '王某', M1_ID, at(2, 9, 3), '2990.00', '10.00', '出', LAYER2, '下家', '', '转账', '36.112.10.5', '001a2b3c4d5e', 'IMEI8612'],
    [M2, '王某', M1_ID, at(2, 9, 4), '5.00', '5.00', '出', LAYER2, '下家', '', '转账', '', '00:00:00:00:00:00', ''],
    [M3, '王伟', '', at(3, 14, 0), '800.00', '800.00', '进', V2, '受害人乙', '', '转账', '', '', ''],
    [M3, '王伟', '', at(3, 14, 2), '790.00', '10.00', '出', LAYER2, '下家', '', '转账', '', '00:1A:2B:3C:4D:5E', ''],
    [L1, '李强', '', at(4, 8, 0), '10.00', '10.00', '出', LAYER2, '下家', '', '转账', '', '', ''],
    [P1, '赵敏', '320102198001010011', at(4, 8, 5), '10.00', '10.00', '出', LAYER2, '下家', '', '转账', '', '', ''],
  ];
  for (const row of r) tx.addRow(row);
  await wb.xlsx.writeFile(xlsx);

  // Another bank, GB18030: M4 on the ring's phone (its MAC upper case with dashes), its holder's ID
  // number written with a small x; and on a private IP and an all-zero MAC M1 and M2 use too.
  const b = path.join(dir, 'bank-b.csv');
  const rows: Row[] = [
    [
      '交易卡号',
      '交易户名',
      '开户人证件号码',
      '交易时间',
      '交易金额',
      '交易余额',
      '借贷标志',
      '对方账号',
      '对方户名',
      '摘要',
      'IP地址',
      'MAC地址',
      '终端号',
    ],
    [`\t${M4}`, '王某', M1_ID.toLowerCase(), at(5, 20, 0), '1000.00', '1000.00', '贷', `\t${V1}`, '受害人甲', '转账', '58.20.1.1', '', ''],
    [
      `\t${M4}`,
      '王某',
      M1_ID.toLowerCase(),
      at(5, 20, 6),
      '990.00',
      '10.00',
      '借',
      LAYER2,
      '下家',
      '转账',
      '192.168.1.100',
      '00-1A-2B-3C-4D-5E',
      'POS0099',
    ],
    [`\t${M4}`, '王某', M1_ID.toLowerCase(), at(5, 20, 7), '5.00', '5.00', '借', LAYER2, '下家', '转账', '', '00-00-00-00-00-00', ''],
    [`\t${M4}`, '王某', M1_ID.toLowerCase(), at(5, 20, 8), '1.00', '4.00', '借', LAYER2, '下家', '转账', '', 'A4-5E-60-11-22-33', ''],
  ];
  fs.writeFileSync(b, iconv.encode(csv(rows), 'gb18030'));
  // 25 customers of one bank, every payment through its gateway's IP.
  const gw = path.join(dir, 'bank-c.csv');
  const g: Row[] = [['交易卡号', '交易时间', '交易金额', '收付标志', '交易对手账卡号', 'IP地址']];
  for (let k = 0; k < 25; k++) g.push([card(100 + k), at(7, 9, k), '20.00', '出', card(200 + k), GATEWAY_IP]);
  fs.writeFileSync(gw, csv(g));
  return [xlsx, b, gw];
}
