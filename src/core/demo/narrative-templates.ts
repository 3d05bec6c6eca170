// Citizens' accounts, per scam type, as an opening, what happened, the payments and how it ended.
// Some are first person (filed online by the victim), some third person (taken down by an
// officer: 报警人罗某称…). Details the report lacks are left out, so each fragment must read
// without them. Amounts, phones, QQ/WeChat ids and links appear inline, as people write them.

import type { Category } from '../../common/model';
import type { Rng } from './prng';
import type { Fill, TextContext } from './text-context';
import {
  DATING_SITES,
  GAMES,
  GAME_SITES,
  ITEMS,
  JOB_ADS,
  LOAN_ADS,
  MEETING_APPS,
  PERSONA_JOBS,
  PRETEXTS,
  PRIZES,
  RELATIONS,
  SHOPS,
} from './vocabulary';

interface Story {
  readonly open: readonly Fill[];
  readonly middle: readonly Fill[];
  readonly end: readonly Fill[];
}

const wrap = (s: string, l = '（', r = '）'): string => (s ? `${l}${s}${r}` : '');

export const STORIES: Readonly<Record<Category, Story>> = {
  part_time_job: {
    open: [
      (c, r) => `${c.when}，我在${r.pick(JOB_ADS)}上看到"在家兼职、日结${r.int(2, 5)}00元"的广告，按提示添加了对方${c.im || '好友'}。`,
      (c) => `${c.when}我收到一条招聘兼职的短信，称动动手指点赞就能赚钱，添加对方${c.im}后被拉进一个任务群。`,
      (c, r) => `报警人${c.victim}称：${c.when}在${r.pick(JOB_ADS)}刷到兼职信息，添加"${c.alias}"${c.im}后被介绍做刷单任务。`,
      (c) => `${c.when}，有陌生人把我拉进一个群，说给视频点赞关注就能返佣金，群里的接待员${wrap(c.im)}让我下载一个APP。`,
      (c) => `${c.when}我在找暑假工，一个自称人事"${c.alias}"的人${wrap(c.phone, '用', '')}联系我，说有线上兼职。`,
    ],
    middle: [
      (c) => `对方先让我做几单小额任务，前两单都按时返了佣金，之后让我下载"${c.app}"APP做"联单任务"。`,
      () => '客服称需要完成一组连单才能提现，每单金额越来越大，又以"操作超时""卡单"为由要求继续充值。',
      (c, r) => `前期点赞任务返了几十元，后来被引导到${c.url || `"${c.app}"平台`}做垫付任务，称做完返还本金和${r.int(5, 30)}%佣金。`,
      (c) => `对方发来链接${c.url}让我注册账号，第一单充值${c.first}，很快返还了本金和佣金。`,
      () => '接待员把我转给"派单员"，派单员说现在有"福利单"，充值越多返利越高。',
    ],
    end: [
      () => '在要求提现时对方称我操作失误账户被冻结，需要再交解冻金，我才发觉被骗。',
      () => '后来对方把我踢出群并拉黑，APP也打不开了。',
      () => '到现在一分钱也没有提出来，对方说还要再做三单才能提现。',
      () => '我向朋友说起此事，朋友说这是刷单诈骗，遂报警。',
    ],
  },
  fake_customer_service: {
    open: [
      (c) => `${c.when}，我接到自称${c.brand}客服的电话${wrap(c.phone)}，对方准确说出了我的订单信息，称我买的商品有质量问题可以退款。`,
      (c, r) =>
        `${c.when}接到${c.phone || '一个陌生号码'}的来电，对方自称${c.brand}工作人员，称我误开通了"百万保障"服务，不取消每月将自动扣费${r.int(5, 9)}00元。`,
      (c) => `报警人${c.victim}称：${c.when}接到自称快递客服的电话，称我的快递在运输途中丢失，可以办理双倍理赔。`,
      (c) =>
        `${c.when}我收到短信称我的快递丢失，按短信里的方式${c.url ? `打开${c.url}` : c.phone ? `拨打${c.phone}` : ''}联系客服办理理赔。`,
      (c) => `${c.when}，一个自称${c.brand}客服的人${wrap(c.im, '通过', '')}联系我，说我被误设成了平台"代理商"，不取消会影响征信。`,
    ],
    middle: [
      (_c, r) => `对方让我下载${r.pick(MEETING_APPS)}开启屏幕共享，指导我在支付宝"备用金"和几个借贷平台借款后转到"验证账户"。`,
      () => '对方称需要验证我的账户流水才能退款，让我把钱转到指定的"安全账户"，说验证完会原路退回。',
      (c) => `对方发来理赔链接${c.url}，我在页面上填写了银行卡号、密码和收到的验证码。`,
      () => '对方说要关闭服务需要在银行APP上操作，一步步引导我把卡里的钱转了出去。',
    ],
    end: [
      (c) => `事后我打${c.brand}官方客服核实，对方说根本没有这项业务，方知被骗。`,
      () => '对方随后挂断电话，再打已无法接通。',
      (c) => `转账后对方说还需要再验证一次，我觉得不对劲，拨打${c.ownHotline}冻结了银行卡并报警。`,
    ],
  },
  impersonating_officials: {
    open: [
      (c) =>
        `${c.when}接到自称${c.city}公安局民警"${c.alias}"的电话${wrap(c.phone, '（来电显示')}，称我的身份信息被人冒用，涉嫌一起洗钱案件。`,
      (c, r) => `${c.when}，一名自称快递员的人来电称我寄出的包裹里有${r.int(3, 12)}张银行卡，随后电话被转接到"${c.city}公安局"。`,
      (c) => `报警人${c.victim}称：${c.when}接到电话称我的医保卡在外地被违规使用，随后被转接给自称民警的男子"${c.alias}"。`,
      (c) => `${c.when}我接到${c.phone || '一个陌生号码'}打来的电话，对方称是${c.city}检察院的，说我名下的银行卡涉嫌洗钱，要对我进行调查。`,
    ],
    middle: [
      (c) =>
        `对方${wrap(c.im, '让我加了', '，')}通过视频出示了"警官证"和"逮捕令"，并让我登录${c.url || '一个网站'}查看"通缉令"，上面有我的照片和身份证号。`,
      () => '对方要求我对此事保密，不能告诉家人，称需要把资金转入"国家安全账户"进行资金清查，清查完毕后会返还。',
      (_c, r) => `对方让我找一个没人的宾馆单独接受"远程审讯"，并让我下载${r.pick(MEETING_APPS)}做"笔录"。`,
    ],
    end: [
      () => '后来银行工作人员提醒我可能被骗，我拨打110询问后才知道公安机关不会通过电话办案。',
      () => '家人发现后带我到派出所报案。',
      () => '此后对方再未联系，我回拨电话已是空号。',
    ],
  },
  loan: {
    open: [
      (c, r) => `${c.when}我在网上搜索贷款，下载了一个叫"${c.app}"的APP${wrap(c.url, '（下载地址')}，申请贷款${r.int(2, 20)}万元。`,
      (c, r) => `${c.when}收到短信称我有${r.int(3, 50)}万元的低息贷款额度，${c.url ? `点击链接${c.url}` : '按短信提示'}下载APP申请。`,
      (c) => `${c.when}，自称贷款公司客服的人${wrap(c.phone, '用', '')}联系我，问我是否需要无抵押贷款，额度高、放款快。`,
      (c, r) => `报警人${c.victim}称：因资金周转困难，${c.when}在${r.pick(LOAN_ADS)}看到贷款广告，加了对方${c.im || '客服'}。`,
    ],
    middle: [
      (c) => `提交资料后APP显示"银行卡号填写错误，资金已冻结"，客服${wrap(c.im)}称需缴纳解冻费才能放款。`,
      () => '对方先后以"手续费""保证金""流水不足"为由让我转账，说放款时一起退还。',
      (c) => `客服称我的征信评分不够，需要刷流水证明还款能力，让我先转${c.first}到指定账户。`,
    ],
    end: [() => '钱转过去以后仍未放款，对方不再回复，APP也无法登录。', () => '对方又说还要交一笔"会员费"，我意识到被骗。'],
  },
  investment_romance: {
    open: [
      (c, r) =>
        `${c.when}我在${r.pick(DATING_SITES)}上认识了一个自称"${c.alias}"的人，对方称在${c.city}做金融投资，聊了一段时间后加了${c.im || '微信'}。`,
      (c, r) => `${c.when}，一个陌生人"误加"我好友${wrap(c.im)}，自称${r.pick(PERSONA_JOBS)}，之后每天嘘寒问暖，我们确定了恋爱关系。`,
      (c) => `报警人${c.victim}称：我于${c.when}通过婚恋网站结识"${c.alias}"，双方以男女朋友相称${wrap(c.im, '，对方', '')}。`,
      (c) => `${c.when}我被拉进一个"股票交流群"，群里的"老师"${c.alias}每天推荐股票，后来推荐我到"${c.app}"平台投资。`,
    ],
    middle: [
      (c) => `对方称掌握了投资平台的内部数据，带我在${c.url || `"${c.app}"平台`}注册账号，开始小额投入获利并顺利提现。`,
      (c) => `在对方引导下我下载了"${c.app}"APP，先后多次充值，平台显示盈利丰厚。`,
      () => '对方让我把钱转到平台客服提供的银行卡上充值，称是"通道卡"，每次给的卡都不一样。',
      (c) => (c.wallet ? `后来平台要求用USDT充值，客服给了一个钱包地址${c.wallet}。` : '平台客服称近期有"内部活动"，充值越多收益越高。'),
    ],
    end: [
      (_c, r) => `申请提现时平台称账户异常，需缴纳${r.int(10, 30)}%的个人所得税和保证金，缴纳后仍无法提现，对方也失联了。`,
      (c) => `后来平台网站打不开了，"${c.alias}"也把我拉黑。`,
      () => '我把此事告诉女儿，她说我遇到了"杀猪盘"，陪我来报警。',
    ],
  },
  impersonating_acquaintance: {
    open: [
      (c, r) => `${c.when}，一个头像和昵称都是我们公司${r.pick(['老板', '总经理', '王总', '李总'])}的账号${wrap(c.im)}把我拉进一个工作群。`,
      (c, r) => `${c.when}收到"${r.pick(RELATIONS)}"发来的好友申请，对方称换了新号${c.im}。`,
      (c) => `报警人${c.victim}称：${c.when}有人冒充我的领导"${c.alias}"添加我为好友${wrap(c.im)}。`,
      (c, r) => `${c.when}，我接到"${r.pick(RELATIONS)}"${wrap(c.phone, '用', '')}打来的电话，声音有点像，说手机掉了换了号码。`,
    ],
    middle: [
      (c) => `对方称正在开会不方便接电话，让我先给一个合作方转账，并发来收款账户${c.payee}。`,
      (c, r) => `对方称急需用钱交${r.pick(['保证金', '医药费', '货款', '学费', '罚款'])}，让我直接转到他朋友的账户上${wrap(c.payee)}。`,
    ],
    end: [() => '转账后我打电话给本人核实，才发现被骗。', () => '财务核对账目时发现老板并没有这笔业务，随即报警。'],
  },
  online_shopping: {
    open: [
      (c, r) => `${c.when}在${r.pick(SHOPS)}上看到有人低价出售${r.pick(ITEMS)}，联系卖家后被要求加${c.im || '微信'}私下交易。`,
      (c, r) => `${c.when}，我在朋友圈看到代购${r.pick(ITEMS)}的广告，添加了卖家${c.im}。`,
      (c, r) => `报警人${c.victim}称：${c.when}在网上购买${r.pick(ITEMS)}，卖家称可以走"内部渠道"优惠。`,
    ],
    middle: [
      (c) => `卖家称走平台要扣手续费，让我直接转账付款${wrap(c.payee, '到', '')}，付款后又称需要交运费和保证金。`,
      (c) => `对方发来一个商品链接${c.url}，我在页面下单付款，页面显示"支付成功"。`,
    ],
    end: [() => '付款后迟迟不发货，对方把我拉黑。', () => '收到的是一个空箱子，再联系卖家已经联系不上。'],
  },
  game_trading: {
    open: [
      (c, r) => `${c.when}我在${r.pick(GAMES)}里看到有人高价收购游戏账号，对方加了我${c.im || 'QQ'}。`,
      (c, r) => `${c.when}在${r.pick(GAME_SITES)}上看到有人低价出售${r.pick(GAMES)}账号，联系了卖家${c.im}。`,
      (c, r) => `报警人${c.victim}（学生）称：${c.when}在玩${r.pick(GAMES)}时有人说可以免费领皮肤，让我加${c.im || 'QQ'}。`,
    ],
    middle: [
      (c) => `对方让我到${c.url || '一个交易平台'}挂单，随后平台提示我的账户"未实名认证""资金冻结"，需要充值解冻。`,
      (c) => `对方称需要先付押金${c.first}，付款后又以各种理由让我继续转账。`,
      () => '对方说领皮肤要先扫码验证，我用妈妈的手机按要求操作转了钱。',
    ],
    end: [() => '最后账号没有收到，钱也提不出来。', () => '家长发现手机里的转账记录后带我来报案。'],
  },
  fake_prize: {
    open: [
      (c) => `${c.when}收到${c.sender || '一个号码'}发来的短信，称我的信用卡积分即将过期，可兑换礼品。`,
      (c, r) => `${c.when}收到短信称我被抽中${r.pick(PRIZES)}，需要点击链接领取。`,
      (c) => `报警人${c.victim}称：${c.when}我的手机收到"${c.brand}"的短信，称积分可以兑换现金。`,
    ],
    middle: [
      (c) => `我点开短信里的链接${c.url}，按页面提示填写了银行卡号、密码和手机验证码。`,
      (_c, r) => `页面要求先支付${r.int(1, 9)}00元手续费才能领取奖品，我按提示付了款。`,
      (c) => `网页和${c.brand}的官网一模一样，我就输入了卡号和验证码。`,
    ],
    end: [
      (c) => `随后银行卡内${c.total}被分笔转走，我拨打${c.hotline || c.ownHotline}挂失才知道被骗。`,
      () => '后来收到扣款短信，发现卡里的钱被转走了。',
    ],
  },
  credit_record: {
    open: [
      (c) => `${c.when}接到自称${c.brand}客服的电话${wrap(c.phone)}，称我上学时开通过校园贷账户，不注销会影响征信。`,
      (c) => `${c.when}，有人${wrap(c.phone, '用', '')}打电话称我在某网贷平台有逾期记录，可以帮我"修复征信"。`,
      (c) => `报警人${c.victim}称：${c.when}收到短信称我的个人征信存在不良记录，需按要求处理。`,
    ],
    middle: [
      (c) => `对方让我添加${c.im || '其为好友'}，称需要把借贷平台的额度借出来转到指定账户"清空额度"。`,
      (c) => `对方发来网址${c.url}让我查询"征信报告"，页面显示我有不良记录，需缴纳"修复费"。`,
    ],
    end: [
      () => '后来我在中国人民银行征信中心网站查询，发现自己的征信并无问题。',
      () => '对方收钱后说还要再交一笔"保证金"，我才意识到被骗。',
    ],
  },
  other: {
    open: [(c, r) => `${c.when}，对方以${r.pick(PRETEXTS)}为由联系我${wrap(c.phone, '（电话')}${wrap(c.im, '，并让我添加', '')}。`],
    middle: [(c) => (c.url ? `对方发来链接${c.url}让我按提示操作。` : '对方要求我按指示操作转账。')],
    end: [() => '事后发现被骗。', () => '家人提醒后才发现是诈骗。'],
  },
};

const PAID: readonly Fill[] = [
  (c) =>
    c.count > 1
      ? `我先后${c.count}次向对方${c.payee ? `提供的${c.payee}` : '提供的账户'}转账，共计${c.total}。`
      : `我向对方${c.payee ? `提供的${c.payee}` : '提供的账户'}转账${c.total}。`,
  (c) => (c.count > 1 ? `前后一共转了${c.count}笔，第一笔${c.first}，合计${c.total}。` : `被骗${c.total}。`),
  (c) =>
    c.count > 1
      ? `分${c.count}笔共被骗${c.total}${wrap(c.payee, '，收款账户', '')}。`
      : `共计损失${c.total}${wrap(c.payee, '，收款账户', '')}。`,
];

const NOT_PAID: readonly Fill[] = [
  () => '好在我没有转账，没有造成损失。',
  () => '在转账前接到96110的劝阻电话，没有造成损失。',
  () => '民警及时劝阻，未造成损失。',
  () => '我用国家反诈中心APP查询后发现是诈骗，没有转账。',
];

const VAGUE: readonly Fill[] = [
  (c) => `${c.when}被骗了${c.total}，对方已经把我拉黑了。`,
  (c) => `我被人骗了${c.total}，具体情况记不太清了。`,
  (c) => `报警人${c.victim}称其${c.when}在网上被骗${c.total}。`,
];

/**
 * The victim's account of one report. A vague report is one line with the loss and nothing else.
 * `aside` (home-address.ts) is where the victim lives, when the account mentions it: after the
 * opening sentence, and at the very end.
 */
export function narrative(
  category: Category,
  c: TextContext,
  rng: Rng,
  vague: boolean,
  aside: { readonly middle: string; readonly end: string } = { middle: '', end: '' },
): string {
  if (vague) return rng.pick(VAGUE)(c, rng);
  const story = STORIES[category];
  let text = rng.pick(story.open)(c, rng) + aside.middle;
  const first = rng.int(0, story.middle.length - 1);
  text += (story.middle[first] as Fill)(c, rng);
  if (story.middle.length > 1 && rng.chance(0.3)) text += (story.middle[(first + 1) % story.middle.length] as Fill)(c, rng);
  if (!c.lost) return text + rng.pick(NOT_PAID)(c, rng) + aside.end;
  return text + rng.pick(PAID)(c, rng) + rng.pick(story.end)(c, rng) + aside.end;
}
