// Where a victim lives, as it slips into a narrative: the fake police "already know" the home
// address, the fake courier quotes the delivery address, the shopper sends it to the seller, an
// officer writes 报警人现住… These sentences are personal data a redacted bundle must not carry
// (bundle/addresses.ts finds them), so the demo has some to remove.
//
// They are drawn from a stream of their own (`details`, seeded from the demo's seed), so adding
// them changes no other byte of a corpus: every other value comes from the main stream as before.

import type { Category } from '../../common/model';
import { fullWidth } from './identifiers-format';
import type { Rng } from './prng';

/** A few real main roads of each Nanjing district (the address is invented: number, compound, flat). */
const ROADS: Readonly<Record<string, readonly string[]>> = {
  玄武区: ['中山路', '北京东路', '珠江路', '龙蟠路', '太平北路', '后宰门街'],
  秦淮区: ['长乐路', '中华路', '升州路', '太平南路', '龙蟠中路', '大光路'],
  建邺区: ['江东中路', '应天大街', '集庆门大街', '河西大街', '庐山路'],
  鼓楼区: ['汉中路', '中山北路', '虎踞路', '广州路', '湖南路', '热河路'],
  浦口区: ['浦珠路', '文德路', '浦口大道', '龙华路'],
  栖霞区: ['仙林大道', '文苑路', '栖霞大道', '学海路', '迈尧路'],
  雨花台区: ['软件大道', '雨花西路', '宁南大道', '花神大道'],
  江宁区: ['双龙大道', '天元中路', '胜太路', '竹山路', '金箔路'],
  六合区: ['雄州南路', '龙津路', '延安路'],
  溧水区: ['珍珠南路', '交通路', '天生桥大道'],
  高淳区: ['宝塔路', '镇兴路', '淳溪路'],
};
const ANY_ROADS: readonly string[] = Object.values(ROADS).flat();
const COMPOUNDS: readonly string[] = [
  '金陵小区',
  '阳光家园',
  '南湖新村',
  '翠屏花园',
  '凤凰公寓',
  '银城花园',
  '龙江小区',
  '月牙湖花园',
  '百家湖花园',
  '香樟园',
  '紫金苑',
  '天润城',
  '锦绣花园',
  '幸福家园',
];
const HOTELS: readonly string[] = ['如家酒店', '汉庭酒店', '格林豪泰酒店', '锦江之星酒店', '全季酒店', '莫泰酒店'];
const CHINESE_DIGITS = '〇一二三四五六七八九';

/** The names the demo's addresses are made of (tests check that none is left in a redacted bundle). */
export const ADDRESS_NAMES = { roads: ANY_ROADS, compounds: COMPOUNDS, hotels: HOTELS } as const;

function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : (CHINESE_DIGITS[n] as string);
  if (n < 20) return `十${CHINESE_DIGITS[n - 10]}`;
  return `${CHINESE_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CHINESE_DIGITS[n % 10]}`;
}

/** A flat's address in the victim's district, written one of the ways citizens write it. */
export function homeAddress(rng: Rng, district: string): string {
  const road = rng.pick(ROADS[district] ?? ANY_ROADS);
  const r = rng.float();
  const prefix = r < 0.35 ? district : r < 0.55 ? `南京市${district}` : r < 0.65 ? `江苏省南京市${district}` : '';
  const number = rng.int(1, 399);
  const building = rng.int(1, 28);
  const unit = rng.int(1, 4);
  const room = `${rng.int(1, 18)}0${rng.int(1, 6)}`;
  const compound = rng.pick(COMPOUNDS);
  const f = rng.float();
  let address: string;
  if (f < 0.25) address = `${road}${number}号${building}栋${unit}单元${room}室`;
  else if (f < 0.45) address = `${road}${number}号${compound}${building}幢${room}`;
  else if (f < 0.6) address = `${compound}${building}-${unit}-${room}室`;
  else if (f < 0.72) address = `${road}${number}号院${building}号楼${unit}单元${room}室`;
  else if (f < 0.85) address = `${road}${number}号${compound}${chineseNumber(building)}栋${chineseNumber(unit)}单元${room}室`;
  else address = `${road}${fullWidth(String(number))}号${fullWidth(String(building))}栋${fullWidth(String(unit))}单元${fullWidth(room)}室`;
  return prefix + address;
}

/** The hotel room fake police send a victim to for a "remote interrogation". */
function hotelRoom(rng: Rng, district: string): string {
  const road = rng.pick(ROADS[district] ?? ANY_ROADS);
  return `${rng.chance(0.5) ? district : ''}${road}${rng.int(1, 399)}号${rng.pick(HOTELS)}${rng.int(2, 12)}${String(rng.int(1, 30)).padStart(2, '0')}房间`;
}

/** Shares of reports whose narrative mentions the victim's address (or the hotel they were sent to). */
const SHARE: Partial<Record<Category, number>> = { impersonating_officials: 0.35, fake_customer_service: 0.25, online_shopping: 0.3 };
/** Reports of any type where the officer wrote down where the victim lives. */
const OFFICER_NOTE = 0.05;

/**
 * Where the victim lives (or was sent), for a narrative, or nothing: `middle` goes after the
 * opening sentence, `end` at the very end.
 */
export function addressAside(rng: Rng, category: Category, district: string): { readonly middle: string; readonly end: string } {
  let middle = '';
  let end = '';
  if (rng.chance(SHARE[category] ?? 0)) {
    const home = homeAddress(rng, district);
    const x = rng.float();
    switch (category) {
      case 'impersonating_officials':
        if (x < 0.4) end = `我当时按对方要求一个人住在${hotelRoom(rng, district)}。`;
        else if (x < 0.7) middle = `对方准确报出了我的家庭住址${home}，我就信了。`;
        else middle = `对方称要上门核查，让我报了家庭住址（${home}）。`;
        break;
      case 'fake_customer_service':
        middle = x < 0.5 ? `对方连我的收货地址${home}都说得出来，我就没有怀疑。` : `对方核对了我的收货地址${home}，我以为真是客服。`;
        break;
      default:
        middle = `我把收货地址${home}发给了卖家。`;
    }
  }
  if (rng.chance(OFFICER_NOTE)) end += `报警人现住${homeAddress(rng, district)}。`;
  return { middle, end };
}
