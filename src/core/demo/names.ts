// People and places of the demo precinct: Chinese names built from common surnames and given-name
// characters, Nanjing's eleven districts with their centres and administrative codes, and the
// birthplace codes an ID number may carry (Nanjing's, its pre-2013 districts, and elsewhere).

import { Rng, Weighted, styleChoice } from './prng';

// Roughly in order of frequency; the first ones are drawn much more often.
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const SURNAME_TABLE = new Weighted<string>([
  ...SURNAMES.map((s, i): [string, number] => [s, 1 / (i + 8)]),
  ['欧阳', 0.004],
  ['司马', 0.002],
  ['诸葛', 0.001],
]);

const MALE = Array.from('伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳建国志文海峰东亮成栋毅锋');
const FEMALE = Array.from('芳娜敏静丽艳娟霞燕玲婷雪慧倩琳颖洁佳欣怡梦晨璐瑶月萍红莉丹蕾薇雯悦琪晶妍馨');
const EITHER = Array.from('子思雨一文嘉梓博晓天新安鸿诗可若语家俊秀云');

export function surname(rng: Rng): string {
  return SURNAME_TABLE.pick(rng);
}

/** A full name: surname plus one or two given-name characters. */
export function fullName(rng: Rng, male: boolean, family = surname(rng)): string {
  const pool = male ? MALE : FEMALE;
  if (rng.chance(0.3)) return family + rng.pick(pool);
  return family + (rng.chance(0.5) ? rng.pick(EITHER) : rng.pick(pool)) + rng.pick(pool);
}

/**
 * The account holder of a mule card: always the same name for the same card (a hash of its
 * number picks it), so every report paying into the card names the same mule.
 */
export function holderName(cardDigits: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < cardDigits.length; i++) h = Math.imul(h ^ cardDigits.charCodeAt(i), 0x01000193);
  const pool = h & 1 ? MALE : FEMALE;
  const given = styleChoice(h, 2, pool) + (h & 2 ? styleChoice(h, 3, pool) : '');
  return styleChoice(h, 1, SURNAMES) + given;
}

/** How a report names its victim: often masked (罗某, 罗某某), sometimes in full. */
export function victimName(rng: Rng, male: boolean): string {
  const family = surname(rng);
  const r = rng.float();
  if (r < 0.35) return `${family}某`;
  if (r < 0.45) return `${family}某某`;
  return fullName(rng, male, family);
}

export interface District {
  readonly name: string;
  /** Administrative division code, the first six digits of ID numbers issued there. */
  readonly code: string;
  /** Precinct code suffix, e.g. NJ-XUANWU. */
  readonly precinct: string;
  readonly lat: number;
  readonly lon: number;
}

export const DISTRICTS: readonly District[] = [
  { name: '玄武区', code: '320102', precinct: 'XUANWU', lat: 32.0485, lon: 118.7974 },
  { name: '秦淮区', code: '320104', precinct: 'QINHUAI', lat: 32.0215, lon: 118.7946 },
  { name: '建邺区', code: '320105', precinct: 'JIANYE', lat: 32.0038, lon: 118.7312 },
  { name: '鼓楼区', code: '320106', precinct: 'GULOU', lat: 32.0662, lon: 118.7698 },
  { name: '浦口区', code: '320111', precinct: 'PUKOU', lat: 32.0588, lon: 118.6276 },
  { name: '栖霞区', code: '320113', precinct: 'QIXIA', lat: 32.1032, lon: 118.9091 },
  { name: '雨花台区', code: '320114', precinct: 'YUHUATAI', lat: 31.9917, lon: 118.7793 },
  { name: '江宁区', code: '320115', precinct: 'JIANGNING', lat: 31.9531, lon: 118.8401 },
  { name: '六合区', code: '320116', precinct: 'LUHE', lat: 32.3222, lon: 118.8273 },
  { name: '溧水区', code: '320117', precinct: 'LISHUI', lat: 31.6511, lon: 119.0284 },
  { name: '高淳区', code: '320118', precinct: 'GAOCHUN', lat: 31.3279, lon: 118.8921 },
];

/** The district a precinct code like NJ-XUANWU serves, if it names one. */
export function precinctDistrict(precinct: string): District | undefined {
  const suffix = precinct.toUpperCase().split('-').pop();
  return DISTRICTS.find((d) => d.precinct === suffix);
}

// Birthplace codes beyond today's districts: White Lower and Xiaguan (merged in 2013), the old
// Lishui and Gaochun counties, and places many Nanjing residents come from.
const OLD_NANJING = ['320103', '320107', '320124', '320125'];
const ELSEWHERE = [
  '320321',
  '320923',
  '321281',
  '320382',
  '321088',
  '340122',
  '341221',
  '341523',
  '411524',
  '420117',
  '510724',
  '362329',
  '370829',
  '130626',
];

/** Region code printed on a victim's ID number: usually where they live, else an older or distant code. */
export function birthRegion(rng: Rng, home: District, age: number): string {
  const r = rng.float();
  if (r < 0.62) return home.code;
  if (r < 0.72) return age > 25 ? rng.pick(OLD_NANJING) : rng.pick(DISTRICTS).code;
  if (r < 0.8) return rng.pick(DISTRICTS).code;
  return rng.pick(ELSEWHERE);
}
