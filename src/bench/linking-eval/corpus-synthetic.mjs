// An independent labelled precinct: gangs, their victims and what the victims report, drawn
// from a seeded stream with settings chosen to be unkind to a linker:
//  - one dominant category (part-time-job brushing, over a third of reports) and a second large
//    one, so "same category within a week" holds for most pairs of unrelated reports;
//  - identifier-free scam templates shared by unrelated gangs (您的贷款已审批，需先缴纳保证金…,
//    这里是{city}公安局…), and 【回T退订】 with a brand tag on every marketing SMS;
//  - narratives citing reference sites many unrelated victims cite (VirusTotal, forums, block
//    explorers, app stores, government portals) and legitimate downloads fraudsters send to
//    every victim (meeting and screen-sharing apps);
//  - real service hotlines that are on no ignore list (95516, 12315, 11183, 95311…), written
//    into fraudsters' texts and victims' narratives;
//  - SMS gateways (106…) shared by many gangs; pages hosted on shared cloud storage hosts;
//  - mule accounts rented to two gangs (half of them in the same category);
//  - rotated phones and domains, messy identifier formats, victims who remember only the text,
//    lone frauds, revisions and a few withdrawn reports.
// Truth: the gang that made the report (a withdrawn report is left out of scoring).
import {
  DAY,
  beijing,
  loss,
  messyCard,
  messyPhone,
  messyUrl,
  mobile,
  precinct,
  qqLabel,
  rng,
  sha256,
  truthStats,
  victim,
  wechatLabel,
} from './lib.mjs';

export const NAME = 'synthetic';
export const REPO = null;
export const VERSION = 1;

const CATEGORIES = [
  ['part_time_job', 36],
  ['fake_customer_service', 16],
  ['loan', 11],
  ['investment_romance', 10],
  ['impersonating_officials', 8],
  ['impersonating_acquaintance', 6],
  ['online_shopping', 5],
  ['fake_prize', 4],
  ['game_trading', 2],
  ['credit_record', 2],
];

const CITIES = ['上海市', '北京市', '广州市', '深圳市', '杭州市', '成都市', '武汉市', '南京市', '重庆市', '西安市'];
const PLATFORMS = ['淘宝', '京东', '拼多多', '抖音', '快手', '美团', '唯品会'];
const BRAND_TAGS = [
  '【京东】',
  '【淘宝】',
  '【拼多多】',
  '【中国移动】',
  '【顺丰速运】',
  '【抖音】',
  '【美团】',
  '【唯品会】',
  '【招商银行】',
  '【平安普惠】',
  '【兼职网】',
];

// Scripts sold to, or copied by, many gangs. {id} is where a gang may put a contact; a report
// without it carries no identifier in its text.
const TEMPLATES = {
  part_time_job: [
    '{tag}诚聘兼职刷单，日结{n}元，动动手指就能赚钱{id}，回T退订',
    '{tag}宝妈学生党在家兼职，点赞关注一单{s}元，当天结算{id}，回T退订',
    '您好，我们是{platform}商家，招募刷单员，做一单返佣金{s}元{id}',
    '兼职做任务，先垫付后返还本金加佣金，第一单{s}元已返，后面是联单{id}',
  ],
  fake_customer_service: [
    '您好，我是{platform}客服，您购买的商品存在质量问题，可为您办理{n}元理赔{id}',
    '您好，您在{platform}开通了百万保障会员，每月扣费{s}元，如需取消请配合操作{id}',
    '【顺丰速运】您的快递丢件，将按三倍赔偿{n}元，请添加理赔专员{id}',
    '您的直播会员即将自动续费，如非本人操作请联系客服关闭{id}',
  ],
  loan: [
    '您的贷款已审批，需先缴纳保证金{n}元至账户解冻{id}',
    '{tag}无抵押低息贷款，最高可贷20万，当天放款{id}，回T退订',
    '您的银行卡号填写错误导致资金冻结，需缴纳{n}元解冻费{id}',
    '您的额度已提升至{n}元，需刷流水证明还款能力后才能提现{id}',
  ],
  investment_romance: [
    '带你进入内部交易群，导师带单稳赚不赔{id}',
    '我在做一个数字货币平台，每天收益5%，你也可以试试{id}',
    '平台系统升级，提现需先缴纳{n}元个人所得税{id}',
  ],
  impersonating_officials: [
    '这里是{city}公安局，您的身份证涉嫌一起洗钱案件，请配合调查{id}',
    '这里是{city}公安局刑侦支队，你名下的银行卡涉嫌洗钱，需要资金清查{id}',
    '您好，这里是{city}市场监督管理局，您的营业执照存在异常{id}',
  ],
  impersonating_acquaintance: [
    '我是你们王总，明天来我办公室一趟，先帮我转笔款给客户{id}',
    '妈，我手机掉水里了，这是我新号，急用钱先转我{n}元{id}',
    '老同学，我在外地出了点事，能先借我{n}元吗{id}',
  ],
  online_shopping: ['{tag}低价转让九成新苹果手机，走平台担保交易{id}，回T退订', '特价演唱会门票，内部渠道出票{id}'],
  fake_prize: ['{tag}尊敬的客户，您的积分即将清零，请尽快兑换礼品{id}，回T退订', '{tag}恭喜您获得幸运用户奖励，领取{n}元红包{id}，回T退订'],
  game_trading: ['出售游戏账号，全皮肤，价格优惠，走交易平台{id}', '收购游戏装备，高价回收，先验号{id}'],
  credit_record: ['您的征信存在逾期记录，可帮您修复征信{id}', '您的学生贷款账户未注销，会影响个人征信，请配合注销{id}'],
};

const NARRATIVES = {
  part_time_job: [
    '在网上看到刷单兼职广告，按对方要求做任务，前几单返了佣金，后来垫付的钱提不出来',
    '被拉进一个做任务的群，派单员让我垫付购买商品，说完成后返还本金和佣金',
  ],
  fake_customer_service: [
    '接到自称客服的电话，说要给我退款理赔，让我下载会议软件共享屏幕后操作转账',
    '对方称我开通了会员要扣费，指导我在贷款平台借款后转到“安全账户”',
  ],
  loan: ['在网上申请贷款，对方说我银行卡号填错导致资金冻结，要交解冻费', '贷款审批后对方要求先交保证金和刷流水，交完还是放不了款'],
  investment_romance: ['在交友软件上认识一个人，带我在一个投资平台充值，后来无法提现', '被拉进炒股群，老师推荐平台投资，充值后平台关闭'],
  impersonating_officials: [
    '接到电话说我涉嫌洗钱案件，让我把钱转到“安全账户”配合资金清查',
    '对方自称公安民警，发来“通缉令”，要求我转账证明清白',
  ],
  impersonating_acquaintance: ['对方冒充我的领导加我好友，让我先帮他给客户转账', '对方冒充我的亲戚，说急用钱让我转账'],
  online_shopping: ['在二手平台买手机，卖家让我加他私下交易，付款后被拉黑', '买演唱会门票付款后对方说要交保证金才能出票'],
  fake_prize: ['收到积分兑换短信，点链接填了银行卡信息和验证码，卡里钱被转走', '收到中奖短信，领奖要先交手续费'],
  game_trading: ['买游戏账号，对方让我在一个交易网站付款，付款后说要解冻费', '卖游戏装备，对方让我在假平台上提现要交保证金'],
  credit_record: ['对方说我的征信有问题可以修复，让我转账到指定账户', '对方说我的学生贷款账户没注销，指导我借款转账'],
};

// What victims look things up on, and legitimate downloads fraudsters send to every victim.
const HOTLINES = ['95516', '12315', '11183', '95311', '95546', '95554', '4008111111'];
const SHARED_DOWNLOADS = [
  'https://meeting.tencent.com/download/',
  'https://www.zoom.com.cn/download',
  'https://www.dingtalk.com/download',
  'https://sunlogin.oray.com/download',
];
const REFERENCE_POOL = [
  'https://www.zhihu.com/question/437195823',
  'https://www.zhihu.com/question/518823716',
  'https://tieba.baidu.com/p/8123456789',
  'https://bbs.tianya.cn/post-free-6123456-1.shtml',
  'https://www.v2ex.com/t/912345',
  'https://www.reddit.com/r/China/comments/10abcd/',
  'https://www.12377.cn/',
  'https://www.gjfzpt.cn/',
  'https://cyberpolice.mps.gov.cn/wfjb/',
  'https://apps.apple.com/cn/app/id1552823102',
  'https://sj.qq.com/appdetail/com.hicorenational.antifraud',
  'https://app.mi.com/details?id=com.hicorenational.antifraud',
];
const SHARED_HOSTS = ['oss-cn-hangzhou.aliyuncs.com', 'cos.ap-guangzhou.myqcloud.com', 'obs.cn-east-3.myhuaweicloud.com'];
const TLDS = ['top', 'xyz', 'vip', 'cc', 'cn', 'com', 'shop', 'icu'];
const SYLLABLES = [
  'jia',
  'hui',
  'xin',
  'da',
  'fu',
  'tong',
  'bao',
  'jin',
  'an',
  'li',
  'cai',
  'rong',
  'yun',
  'tian',
  'hong',
  'sheng',
  'mei',
  'le',
  'kuai',
  'zhuan',
  'qian',
  'wang',
];
const BINS = ['622202', '621700', '622848', '621661', '622588', '623668', '621483', '622609', '621226', '622908', '621799', '623052'];
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function luhnCard(r) {
  const body = r.pick(BINS) + r.digits(r.pick([9, 12, 12, 12]));
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = +body[body.length - 1 - i];
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

const domainName = (r) =>
  `${Array.from({ length: r.int(2, 3) }, () => r.pick(SYLLABLES)).join('')}${r.chance(0.5) ? r.int(1, 999) : ''}.${r.pick(TLDS)}`;
const wechatId = (r) =>
  r.pick([
    () => `${r.letters(1)}${r.letters(r.int(5, 9), 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
    () => `${r.pick(SYLLABLES)}${r.pick(SYLLABLES)}${r.digits(r.int(2, 4))}`,
    () => `wxid_${r.letters(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
  ])();
const qqNumber = (r) => `${r.int(1, 9)}${r.digits(r.int(6, 9))}`;

/** A gang: its category, period and pools of identifiers. */
function makeGang(r, index, size, start, span) {
  const category = r.weighted(CATEGORIES);
  const active = r.int(10, size > 20 ? 300 : 120);
  const begin = start + r.int(0, span - active) * DAY;
  const g = {
    id: `G${String(index).padStart(5, '0')}`,
    category,
    size,
    begin,
    active,
    phones: Array.from({ length: r.int(1, Math.min(6, 1 + Math.ceil(size / 6))) }, () => mobile(r)),
    cards: Array.from({ length: r.int(1, Math.min(5, 1 + Math.ceil(size / 10))) }, () => luhnCard(r)),
    wechats: r.chance(0.6) ? Array.from({ length: r.int(1, 3) }, () => wechatId(r)) : [],
    qqs: r.chance(category === 'part_time_job' ? 0.6 : 0.2) ? Array.from({ length: r.int(1, 2) }, () => qqNumber(r)) : [],
    alipays: r.chance(0.25)
      ? [r.chance(0.5) ? mobile(r) : `${r.letters(r.int(5, 9))}${r.digits(3)}@${r.pick(['163.com', '126.com', 'sina.com', 'qq.com'])}`]
      : [],
    domains: [],
    shortLinks: [],
    tron:
      category === 'investment_romance' || (category === 'part_time_job' && r.chance(0.2))
        ? Array.from({ length: r.int(1, 2) }, () => `T${r.letters(33, B58)}`)
        : [],
    hotline400: category === 'fake_customer_service' && r.chance(0.5) ? `400${r.int(1, 9)}${r.digits(6)}` : null,
    gateway: null,
    sends_sms: ['part_time_job', 'loan', 'fake_prize', 'online_shopping'].includes(category) && r.chance(0.7),
    tag: r.pick(BRAND_TAGS),
    platform: r.pick(PLATFORMS),
    city: r.pick(CITIES),
    templates: r.shuffle(TEMPLATES[category]).slice(0, r.int(1, 2)),
  };
  if (
    ['fake_prize', 'online_shopping', 'investment_romance', 'part_time_job', 'game_trading', 'loan'].includes(category) &&
    r.chance(0.55)
  ) {
    const rotate = size > 15 ? r.int(1, 3) : 1;
    for (let i = 0; i < rotate; i++) {
      g.domains.push(
        r.chance(0.08) ? `${r.letters(r.int(6, 10), 'abcdefghijklmnopqrstuvwxyz0123456789')}.${r.pick(SHARED_HOSTS)}` : domainName(r),
      );
    }
  }
  if (g.sends_sms && r.chance(0.4)) g.shortLinks.push(`t.cn/${r.letters(7, 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789')}`);
  return g;
}

/** The pool value in use at a point of the gang's period (phones and domains rotate). */
const rotated = (list, t) => list[Math.min(list.length - 1, Math.floor(t * list.length))];

export function build(_source, { seed = 7, reports: target = 10000 } = {}) {
  const r = rng(`${NAME}:${seed}`);
  const start = Date.UTC(2023, 0, 1) - 8 * 3600_000;
  const span = 600;

  // Gangs, until their victims reach the target; sizes heavy-tailed, with lone frauds.
  const gangs = [];
  let total = 0;
  const gr = r.fork('gangs');
  while (total < target) {
    const size = Math.min(
      target - total,
      gr.weighted([
        [1, 30],
        [2, 14],
        [3, 9],
        [gr.int(4, 8), 18],
        [gr.int(9, 25), 9],
        [gr.int(26, 80), 3],
        [gr.int(81, 200), 0.6],
      ]),
    );
    gangs.push(makeGang(gr.fork(`g${gangs.length}`), gangs.length + 1, size, start, span));
    total += size;
  }
  // SMS gateways: a few numbers many sending gangs go through.
  const gateways = Array.from({ length: 12 }, () => `106${gr.pick(['9', '5', '2'])}${gr.digits(gr.int(5, 9))}`);
  for (const g of gangs) if (g.sends_sms) g.gateway = gr.pick(gateways);
  // Mule accounts rented to a second gang, half of them in the same category.
  const rentals = [];
  const mr = r.fork('mules');
  const big = gangs.filter((g) => g.size >= 3);
  for (const g of big) {
    if (!mr.chance(0.06)) continue;
    const sameCat = big.filter((o) => o !== g && o.category === g.category);
    const other = mr.chance(0.5) && sameCat.length > 0 ? mr.pick(sameCat) : mr.pick(big.filter((o) => o !== g));
    const card = mr.pick(g.cards);
    other.cards.push(card);
    rentals.push([g.id, other.id, g.category === other.category]);
  }

  const out = [];
  for (const g of gangs) {
    const s = r.fork(`victims:${g.id}`);
    for (let v = 0; v < g.size; v++) {
      const vr = s.fork(`v${v}`);
      const t = vr.next();
      const occurredMs = g.begin + Math.floor(t * g.active * DAY) + vr.int(8 * 60, 23 * 60) * 60_000;
      const reportedMs =
        occurredMs +
        vr.weighted([
          [0, 4],
          [1, 3],
          [3, 2],
          [10, 1],
        ]) *
          DAY +
        vr.int(1, 8) * 3600_000;
      const [code, district] = precinct(vr);
      const phone = rotated(g.phones, t);
      const domain = g.domains.length > 0 ? rotated(g.domains, t) : null;
      const urlPath = vr.pick([
        '',
        '/',
        `/m/index.html?code=${vr.digits(6)}`,
        `/#/register?invite=${vr.digits(5)}`,
        '/app/download.html',
        `/h5/?uid=${vr.digits(7)}`,
      ]);
      const url = domain ? messyUrl(vr, domain, urlPath) : null;

      // What the victim remembers and reports.
      const identifiers = [];
      const want = vr.weighted([
        [0, 15],
        [1, 38],
        [2, 30],
        [3, 13],
        [4, 4],
      ]);
      const offers = vr.shuffle(
        [
          () => ({ kind: 'phone', value: messyPhone(vr, phone), role: 'caller' }),
          () => ({ kind: 'bank_card', value: messyCard(vr, vr.pick(g.cards)), role: 'payee' }),
          g.wechats.length
            ? () => ({ kind: 'wechat', value: vr.chance(0.7) ? vr.pick(g.wechats) : `微信号：${vr.pick(g.wechats)}`, role: 'contact' })
            : null,
          g.qqs.length ? () => ({ kind: 'qq', value: vr.chance(0.7) ? vr.pick(g.qqs) : `QQ:${vr.pick(g.qqs)}`, role: 'contact' }) : null,
          g.alipays.length ? () => ({ kind: 'alipay', value: vr.pick(g.alipays), role: 'payee' }) : null,
          url ? () => ({ kind: 'url', value: url, role: 'link' }) : null,
          g.tron.length
            ? () => ({ kind: 'crypto', value: vr.chance(0.8) ? vr.pick(g.tron) : `USDT-TRC20地址：${vr.pick(g.tron)}`, role: 'payee' })
            : null,
          g.hotline400
            ? () => ({
                kind: 'phone',
                value: vr.chance(0.5) ? g.hotline400 : g.hotline400.replace(/^(\d{3})(\d{3})(\d{4})$/, '$1-$2-$3'),
                role: 'caller',
              })
            : null,
        ].filter(Boolean),
      );
      for (const make of offers.slice(0, want)) identifiers.push(make());

      // The fraudster's messages: a shared template, sometimes with the gang's contact in it.
      const messages = [];
      if (vr.chance(0.8)) {
        const template = vr.pick(g.templates);
        const contact = vr.weighted([
          ['', 4],
          [g.wechats.length ? `，${wechatLabel(vr, vr.pick(g.wechats))}` : '', 2],
          [g.qqs.length ? `，${qqLabel(vr, vr.pick(g.qqs))}` : '', 1],
          [url ? ` ${url}` : '', 2],
          [g.shortLinks.length ? ` ${vr.pick(g.shortLinks)}` : '', 1],
          [`，详询${messyPhone(vr, phone)}`, 1],
        ]);
        let text = template
          .replace('{tag}', g.tag)
          .replace('{platform}', g.platform)
          .replace('{city}', g.city)
          .replace('{n}', String(vr.pick([500, 800, 1000, 2000, 3000, 5000, 8000, 20000])))
          .replace('{s}', String(vr.int(3, 50)))
          .replace('{id}', contact);
        if (vr.chance(0.15)) text += `，如有疑问请致电官方客服${vr.pick(HOTLINES)}`;
        const sms = g.sends_sms && text.includes('回T退订');
        const channel = sms
          ? 'sms'
          : g.category === 'impersonating_officials' || g.category === 'fake_customer_service'
            ? vr.pick(['call', 'call', 'sms'])
            : vr.pick(['im', 'im', 'sms', 'app']);
        const msg = { channel, text, at: beijing(occurredMs - vr.int(0, 3) * DAY) };
        if (channel === 'sms') msg.sender = sms && g.gateway ? g.gateway : messyPhone(vr, phone);
        if (channel === 'call') msg.sender = messyPhone(vr, phone);
        messages.push(msg);
        if (g.category === 'fake_customer_service' && vr.chance(0.5)) {
          messages.push({ channel: 'im', text: `请下载会议软件共享屏幕，我指导您操作：${vr.pick(SHARED_DOWNLOADS)}` });
        }
      }

      // The victim's account, sometimes citing what they looked up.
      const parts = [`${vr.pick(NARRATIVES[g.category])}。`];
      if (vr.chance(0.1)) parts.push(`后来打${vr.pick(HOTLINES)}问了，才知道被骗。`);
      if (url && vr.chance(0.1))
        parts.push(
          `网址查过VirusTotal：https://www.virustotal.com/${vr.chance(0.5) ? 'gui/url' : '#/url'}/${sha256(`http://${domain}/`)}/detection`,
        );
      if (g.tron.length && vr.chance(0.3)) parts.push(`转账记录：https://tronscan.org/#/address/${vr.pick(g.tron)}`);
      if (vr.chance(0.15)) parts.push(`参考：${vr.pick(REFERENCE_POOL)}`);
      if (vr.chance(0.1) && identifiers.length > 0) parts.push(`对方${vr.pick(['电话', '账号'])}是${identifiers[0].value}。`);

      out.push({
        gang: g.id,
        body: {
          version: 1,
          precinct: code,
          reported_at: beijing(reportedMs),
          occurred_at: beijing(occurredMs),
          category: g.category,
          loss: loss(vr, 100, g.category === 'investment_romance' || g.category === 'impersonating_officials' ? 500000 : 40000),
          victim: victim(vr, district),
          location: { district },
          narrative: parts.join(''),
          ...(messages.length > 0 ? { messages } : {}),
          ...(identifiers.length > 0 ? { identifiers } : {}),
        },
        extra: g.cards.length > 1 ? vr.pick(g.cards) : null,
      });
    }
  }

  // Ids in an order that says nothing about the gang; revisions and withdrawals.
  const order = r.fork('order').shuffle(out);
  const reports = [];
  const truth = {};
  const withdrawn = [];
  const rev = r.fork('revisions');
  order.forEach((rep, i) => {
    const id = `GEN-${String(i + 1).padStart(6, '0')}`;
    reports.push({ id, ...rep.body });
    truth[id] = rep.gang;
    const x = rev.next();
    if (x < 0.005) {
      reports.push({ id, version: 2, deleted: true });
      withdrawn.push(id);
    } else if (x < 0.03 && rep.extra) {
      const ids = [...(rep.body.identifiers ?? []), { kind: 'bank_card', value: rep.extra, role: 'payee' }];
      reports.push({ id, ...rep.body, version: 2, identifiers: ids });
    }
  });
  for (const id of withdrawn) delete truth[id];
  // Withdrawn reports stay out of the truth; the runner leaves them out of scoring as the store does.
  const truthAll = { ...truth };
  for (const id of withdrawn) truthAll[id] = `withdrawn:${id}`;
  const cats = {};
  for (const g of gangs) cats[g.category] = (cats[g.category] ?? 0) + g.size;
  return {
    reports,
    truth: truthAll,
    withdrawn,
    stats: {
      ...truthStats(truth),
      gangs: gangs.length,
      records: reports.length,
      withdrawn: withdrawn.length,
      rentals: rentals.length,
      rentalsSameCategory: rentals.filter((x) => x[2]).length,
      categoryShare: Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, +(v / total).toFixed(3)])),
    },
    truthRule: 'the gang that made the report; withdrawn reports are left out of scoring',
  };
}
