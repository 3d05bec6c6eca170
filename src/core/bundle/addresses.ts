// Exact street addresses in free text, for redaction (case-bundle.md, Redaction: "exact
// addresses"). An address is exact when it reaches street level or below:
//   - a road, street, lane or village name (路 街 道 大道 大街 巷 弄 胡同 里 村) followed by a
//     house number (88号, 2号院, 甲2号, 88弄3号, 12-1号) and/or building, unit and room parts
//     (3栋 5幢 A座 2号楼 12楼 2单元 501室 5层 3户 五组, a bare room number after them: 5幢1203);
//   - a residential compound, building or hotel name (小区 社区 花园 公寓 苑 园 家园 新村 大厦
//     广场 大楼 中心 山庄 城 府 公馆 酒店 宾馆 …) followed by a house number or building/room
//     parts, also in the short form 5-2-501;
//   - two or more building/unit/room parts on their own (3栋2单元501室): the compound's name may be
//     one this list does not know, the rest still pins the flat;
//   - in English: "Room 501, 88 Zhongshan Road", "No. 88 Zhongshan Rd", "Zhongshan Lu 88".
// The province, city, district, town or subdistrict written directly before (江苏省南京市鼓楼区)
// belongs to the same span. Digits may be full-width, and numbers Chinese numerals (三栋二单元).
//
// Kept: an administrative area alone (玄武区, 南京市鼓楼区: the district stays on purpose), a
// road without a number (中山路, 中山路支行 of a bank), a single building part without a street
// or compound ("第3单元测试", "在3楼"), dates (3月12号) and everything without Chinese road words
// or spaced English road names, so URLs, domains, phones and cards are never touched.
//
// Place names are runs of Han characters. Where an address begins is a guess: a name may not
// contain the pronouns, particles and verbs that lead into an address (我家住在, 地址是, 寄到,
// 让我去), and may not start with a few more (家, 地, 处 …), so "我家住在玄武区中山路88号"
// loses "玄武区中山路88号" only. A place name that itself holds one of those characters (将军大道,
// 从化区) keeps the part up to it in the text; the number, which makes the address exact, goes.
// The administrative prefix is read as far as it goes, once: where a road's name could begin with
// the character that ends an area (南京市街8号), the span starts at that character (市街8号).

const HAN = '\\p{Script=Han}';
// Never inside a place name: they lead into one.
const HARD_STOP =
  '的了我你他她它们在到住是与从往去向至址籍于为把被给将让叫称说寄送发收填写告诉问过这那及或就也还又已要会能想请并但而且等啊吗呢吧着骗转付';
// Never the first character of a place name (fine inside: 张家港市, 王家湾).
const SOFT_STOP = '家地处方对现老某';
const PLACE = `(?:(?![${HARD_STOP}])${HAN})`;
const START = `(?![${SOFT_STOP}])`;

const DIGIT = '[0-9０-９]';
const NUM = `(?:(?<!${DIGIT})${DIGIT}{1,5}(?!${DIGIT})|[〇零一二三四五六七八九十百千两]{1,4})`;
const LETTER = '[A-Za-zＡ-Ｚａ-ｚ]';
const DASH = '[-－]';
// At most one space between the parts of an address ("汉中路2号 金陵小区 5幢1203").
const SP = '[ \\u3000]?';

// 小区, 社区, 园区 end in 区 but are compounds, not districts.
const ADMIN = `(?:${PLACE}{1,7}(?:特别行政区|自治区|自治州|街道|省|市|地区|盟|(?<![小社园])区|县|旗|镇|乡))`;
// 知道, 渠道, 家里, 群里… end like roads but are words.
const ROAD = `(?:${PLACE}{1,8}(?:大道|大街|胡同|路|街|(?<![知渠频通味难报说赛轨管隧车])道|巷|弄|(?<![家这那哪群心手夜公千万屋城店])里|村)(?:${NUM}段)?)`;
const COMPOUND = `(?:${PLACE}{1,8}(?:小区|社区|园区|花园|公寓|家园|新村|大厦|广场|大楼|中心|山庄|公馆|招待所|酒店|宾馆|旅馆|饭店|苑|园|城|府))`;
const HOUSE = `(?:[甲乙丙丁]?${NUM}(?:${DASH}${NUM}|之${NUM})?(?:号院|号楼|号(?!码|线)|弄(?:${NUM}(?:支弄|号))?))`;
const PART = `(?:第?(?:${LETTER}?${NUM}${LETTER}?|${LETTER})(?:号楼|号房|房间|单元|栋|幢|座|楼|室|层|户|组))`;
// A bare room number after a building part: 5幢1203, 3栋2单元501. Not an amount or a count (1203元, 12个).
const ROOM = `(?:${DASH}?${DIGIT}{2,5}(?![0-9０-９元块万千百亿%个人次天年月日岁分秒点名位笔张条件])(?:室|号|房)?)`;
const PARTS = `(?:${PART}(?:${SP}${PART}){0,4}${ROOM}?)`;
// 5-2-501 or 12-1203: building, optional unit, room; never three long groups (a phone's 138-0013-8000).
const SHORT = `(?:(?<!${DIGIT})${DIGIT}{1,3}(?:${DASH}${DIGIT}{1,2})?${DASH}${DIGIT}{1,4}(?![0-9０-９]|${DASH}${DIGIT})(?:室|号)?)`;
const DETAIL = `(?:${PARTS}|${SHORT})`;

const CHINESE = [
  // The prefix taken whole (a lookahead and its backreference: no backtracking into it), which
  // keeps a long run of 区路区路… from being split every possible way.
  `${START}(?=(?<prefix>${ADMIN}{0,4}))\\k<prefix>${SP}`,
  '(?:',
  // Road, then a house number and whatever follows, or building parts straight away.
  `${ROAD}${SP}(?:${HOUSE}(?:${SP}${COMPOUND})?(?:${SP}${DETAIL})?|(?:${COMPOUND}${SP})?${DETAIL})`,
  `|${COMPOUND}${SP}(?:${DETAIL}|${HOUSE}(?:${SP}${DETAIL})?)`,
  `|${PART}(?:${SP}${PART}){1,4}${ROOM}?`,
  `|${PART}${ROOM}`,
  ')',
].join('');

const EN_ROAD_WORDS = 'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Alley|Boulevard|Blvd|Hutong|Dadao|Lu';
const EN_ROAD = `(?:${EN_ROAD_WORDS})\\.?`;
const EN_NAME = '(?:[A-Z][a-z]+ ){1,4}';
const EN_NUMBER = '(?:No\\. ?)?(?<![0-9])[0-9]{1,5}[A-Z]?(?![0-9])';
const EN_UNIT = `(?:(?:Room|Rm|Flat|Apt|Apartment|Unit|Suite|Building|Bldg|Block|Blk|Floor)\\.? ?#?(?<![0-9])[0-9]{1,5}[A-Z]?(?![0-9]),? ?)`;
const ENGLISH = `\\b${EN_UNIT}{0,3}(?:${EN_NUMBER},? ${EN_NAME}${EN_ROAD}(?![A-Za-z])|${EN_NAME}${EN_ROAD},? ${EN_NUMBER})`;

const ADDRESS = new RegExp(`${CHINESE}|${ENGLISH}`, 'gu');
// Cheap tests first (each one pass over the text): no address without one of these.
const CHINESE_WORD = /[号栋幢座楼单元室层户组弄房]|[0-9０-９][-－][0-9０-９]/u;
const ENGLISH_WORD = new RegExp(`\\b(?:${EN_ROAD_WORDS})\\b`);
const mayHold = (text: string): boolean => CHINESE_WORD.test(text) || (ENGLISH_WORD.test(text) && /[0-9]/.test(text));

export interface AddressSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Every exact address in `text`, in order, not overlapping. */
export function findAddresses(text: string): AddressSpan[] {
  if (!mayHold(text)) return [];
  const out: AddressSpan[] = [];
  ADDRESS.lastIndex = 0;
  // Never empty: every alternative ends in a number or a building word.
  for (let m = ADDRESS.exec(text); m !== null; m = ADDRESS.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** `text` with every exact address replaced by `marker`. */
export function replaceAddresses(text: string, marker: string): string {
  const spans = findAddresses(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + marker;
    at = s.end;
  }
  return out + text.slice(at);
}
