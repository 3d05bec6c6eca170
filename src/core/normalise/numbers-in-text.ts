// Phone and bank-card numbers in free text. A run of digit groups joined by single
// separators ("138 0013 8000 / 2017-06-03") is cut into numbers: from each group, the
// longest stretch of whole groups that reads as an acceptable number wins. Only some
// readings are acceptable without context, because Chinese text is full of numbers that are
// not phones: amounts (5000元), dates, ID-card numbers, order numbers.
import type { NormalisedIdentifier } from '../../common/model';
import { classifyCardDigits, luhnValid } from './bank-card';
import { type TextMatch, withRaw } from './extracted';
import { classifyPhoneDigits } from './phone';
import { normaliseForeignPhone } from './phone-foreign';
import { isExampleDigits } from './placeholder';

const CLUSTER = /\+?\d+(?:[ \t\-.()]{1,3}\+?\d+)*/g;
const GROUP = /(\+?)(\d+)/g;
const MAX_DIGITS = 20;
// The shortest digit string readNumber can take: a three-digit service number (classifyPhoneDigits).
const MIN_READ = 3;

// Resident ID numbers (18 digits, the last may be X; 15 for old cards): PII of the victim,
// never a fraudster identifier, and a long digit run in which phones must not be looked for.
const ID_CARD_18 = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]$/;
const ID_CARD_15 = /^[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}$/;

// Words just before a number that make it a phone number: short hotlines (95588, 10086) and
// gateway codes are taken only with one of these, or with one of the words after it.
const PHONE_BEFORE =
  /(?:电话|手机|号码|致电|拨打|拨|打|热线|客服|联系|回电|来电|呼叫|咨询|投诉|短信|收到|来自|冒充|显示|tel|call|phone|sms)[^0-9]{0,4}$/i;
const PHONE_AFTER = /^[^0-9]{0,2}(?:客服|热线|发来|发送|来电|打来|的短信|的电话|短信|致电|电话|号码)/;
const BANK_BEFORE = /(?:卡号?|账号|帐号|账户|帐户|转账|转帐|汇款|打款|银行|收款|card|acct|account)[^0-9]{0,6}$/i;
// A unit or currency next to a number makes it an amount, a date or a count.
const UNIT_AFTER = /^\s*(?:[元块万千百亿圆角年月日天个次人%岁分秒期笔条件张斤台]|号(?!码))/;
const CURRENCY_BEFORE = /[¥$€£]\s*$/;
// Emergency numbers in a narrative are the victim calling the police, not a lead.
const EMERGENCY = new Set(['110', '112', '119', '120', '122']);

interface Group {
  readonly plus: boolean;
  readonly digits: string;
  readonly start: number;
  readonly end: number;
}

interface Surroundings {
  readonly before: string;
  readonly after: string;
  /** Right after another phone number, joined by "或", "、", "/": a list of numbers. */
  readonly listed: boolean;
}

const LIST_JOINER = /^[\s,、/或和及;]{1,3}$/;

function groupsOf(cluster: string, offset: number): Group[] {
  const groups: Group[] = [];
  GROUP.lastIndex = 0;
  for (let m = GROUP.exec(cluster); m !== null; m = GROUP.exec(cluster)) {
    const start = offset + m.index;
    groups.push({ plus: m[1] === '+', digits: m[2] as string, start, end: start + m[0].length });
  }
  return groups;
}

/** `after` is the text following the digits: an 18-digit ID may end in the letter X. */
function isIdCard(digits: string, after: string): boolean {
  if (digits.length === 17 && (after.startsWith('X') || after.startsWith('x'))) return ID_CARD_18.test(`${digits}X`);
  return (digits.length === 18 && ID_CARD_18.test(digits)) || (digits.length === 15 && ID_CARD_15.test(digits));
}

/** The ID-card marker: consumed, never reported. */
const SILENT = 'silent';

function readNumber(digits: string, plus: boolean, grouped: boolean, around: Surroundings): NormalisedIdentifier | typeof SILENT | null {
  if (!plus && isIdCard(digits, around.after)) return SILENT;
  // "卡号1234567890123456", "电话88888888": an example stands for a number (placeholder.ts).
  if (isExampleDigits(digits)) return SILENT;
  // The context tests are regular expressions over the surrounding text, run for every digit
  // run of every imported text: each is evaluated only where the decision needs it.
  const phoneContext = (): boolean => around.listed || PHONE_BEFORE.test(around.before) || PHONE_AFTER.test(around.after);
  const amount = (): boolean => UNIT_AFTER.test(around.after) || CURRENCY_BEFORE.test(around.before);
  const phone = classifyPhoneDigits(digits, plus);
  if (phone !== null) {
    switch (phone.subtype) {
      case 'mobile':
        // Eleven digits on a mobile prefix are a phone whatever follows ("13800138000号码").
        return phone;
      case 'landline':
        // "0755 8888 8888" or "+86 10 …" is a phone; a bare 11-digit run starting with 0 may
        // be anything.
        if ((grouped || plus || phoneContext()) && !amount()) return phone;
        break;
      case 'service':
        if (amount()) break;
        if (/^[48]00/.test(phone.value)) return phone;
        if (!grouped && !EMERGENCY.has(phone.value) && phoneContext()) return phone;
        break;
      case 'sms_gateway':
        if ((grouped || phoneContext()) && !amount()) return phone;
        break;
      case 'foreign':
        // Text is full of digit runs that fit some country's lengths; demand a valid number.
        if (normaliseForeignPhone(plus ? digits : digits.slice(2))?.valid === true) return phone;
        break;
      case 'unknown':
        break;
    }
  }
  if (plus || digits.length < 12 || digits.length > 19 || amount()) return null;
  const bankContext = BANK_BEFORE.test(around.before);
  // Without a word like 卡号, only a Luhn-valid number of card length on a card-issuer prefix
  // (3 Amex/JCB, 4 Visa, 5 Mastercard, 6 UnionPay) is taken for a card.
  if (bankContext || (digits.length >= 16 && /^[3-6]/.test(digits) && luhnValid(digits))) {
    return classifyCardDigits(digits);
  }
  return null;
}

/** Groups i..i+3 joined by single dots, each a byte, and no fifth: an IPv4 address ("167.71.210.238"). */
function isIpv4At(text: string, groups: readonly Group[], i: number): boolean {
  if (i + 3 >= groups.length) return false;
  for (let k = i; k <= i + 3; k++) {
    const g = groups[k] as Group;
    if (g.plus || g.digits.length > 3 || Number(g.digits) > 255) return false;
    if (k > i && text.slice((groups[k - 1] as Group).end, g.start) !== '.') return false;
  }
  // A fifth part ("1.2.3.4.5") makes it a version or a list of numbers.
  const start = (groups[i] as Group).start;
  const end = (groups[i + 3] as Group).end;
  return !/^\.\d/.test(text.slice(end, end + 2)) && !/\d\.$/.test(text.slice(Math.max(0, start - 2), start));
}

// The word a number is glued to. One that is an IM handle or a user name ("@Kusama_Support044",
// "user_1380013") makes the number part of a name; a label ("Tel13800138000", "V13800138000")
// does not.
const GLUED_WORD = /[A-Za-z0-9_.@]{1,40}$/;

function endsHandle(text: string, at: number): boolean {
  // Most numbers follow a space, CJK or punctuation: one character decides those.
  if (at === 0 || !/[A-Za-z_@.]/.test(text[at - 1] as string)) return false;
  const word = GLUED_WORD.exec(text.slice(Math.max(0, at - 40), at))?.[0];
  return word !== undefined && (word.includes('_') || word.includes('@'));
}

export function findNumbers(text: string, out: TextMatch[]): void {
  CLUSTER.lastIndex = 0;
  let lastPhoneEnd = -1;
  for (let m = CLUSTER.exec(text); m !== null; m = CLUSTER.exec(text)) {
    const groups = groupsOf(m[0], m.index);
    if (endsHandle(text, m.index)) continue;
    for (let i = 0; i < groups.length;) {
      // An IP address is not a phone number, nor are its parts (the address of a site: see links).
      if (isIpv4At(text, groups, i)) {
        i += 4;
        continue;
      }
      const first = groups[i] as Group;
      let around: { before: string; listed: boolean } | null = null;
      let digits = '';
      let best: { end: number; read: NormalisedIdentifier | typeof SILENT } | null = null;
      for (let j = i; j < groups.length; j++) {
        const group = groups[j] as Group;
        if (j > i && group.plus) break;
        digits += group.digits;
        if (digits.length > MAX_DIGITS) break;
        // No reading of fewer than three digits is anything (amounts, dates, counts): skip the
        // context work for them, the bulk of the numbers in a narrative.
        if (digits.length < MIN_READ) continue;
        around ??= {
          before: text.slice(Math.max(0, first.start - 12), first.start),
          listed: lastPhoneEnd >= 0 && LIST_JOINER.test(text.slice(lastPhoneEnd, first.start)),
        };
        const after = text.slice(group.end, group.end + 8);
        const read = readNumber(digits, first.plus, j > i, { before: around.before, after, listed: around.listed });
        if (read !== null) best = { end: j, read };
      }
      if (best === null) {
        i++;
        continue;
      }
      const last = groups[best.end] as Group;
      if (best.read !== SILENT) {
        if (best.read.kind === 'phone') lastPhoneEnd = last.end;
        out.push({ index: first.start, identifier: withRaw(best.read, text.slice(first.start, last.end)) });
      }
      i = best.end + 1;
    }
  }
}
