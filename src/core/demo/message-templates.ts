// What fraudsters send, per scam type: SMS texts, chat lines, what a caller said, what a fake
// platform's page showed. SMS templates are few per type on purpose: a template is sold to many
// gangs, so two unrelated reports often carry the same text with different links.

import type { Category } from '../../common/model';
import type { Fill } from './text-context';
import { GAMES, ITEMS, MEETING_APPS, PRIZES, RELATIONS } from './vocabulary';

export const SMS: Readonly<Record<Category, readonly Fill[]>> = {
  part_time_job: [
    (c, r) => `【招聘】诚招网络兼职，手机操作，日结${r.int(2, 5)}00元，时间自由，${c.reach}`,
    (c) => `您好，我是人力资源部${c.alias}，看到您在找工作，我们有线上兼职岗位，日薪300+，${c.reach}了解`,
    (c, r) => `抖音点赞员招募：点赞一次${r.int(2, 5)}元，日入200不是梦，${c.reach}，回T退订`,
    (c, r) => `【${c.app}】您的新人佣金${r.int(50, 300)}元待领取，完成新手任务即可提现，${c.reach}`,
  ],
  fake_customer_service: [
    (c, r) => `【${c.brand}】您购买的商品因质量问题被召回，我们将为您办理${r.int(2, 5)}00元理赔，${c.reach}`,
    (c, r) => `【快递理赔】您的快递单号${r.pick(['SF', 'YT', 'ZTO'])}${r.digits(12)}在运输中丢失，请${c.reach}办理双倍理赔`,
    (c, r) => `【${c.brand}】您开通的会员服务将于今日起每月扣费${r.int(3, 9)}00元，如非本人操作请${c.reach}取消`,
  ],
  impersonating_officials: [
    (c) => `【${c.city}公安】您的身份信息涉嫌一起洗钱案件，请于今日${c.reach}配合调查，逾期将依法冻结名下账户`,
    (c) => `【通知】您的医保卡在外地产生违规消费，已被冻结，详情${c.reach}`,
  ],
  loan: [
    (c, r) => `【${c.app}】尊敬的用户，您有一笔${r.int(3, 20)}万元备用金待领取，年化利率低至3.6%，${c.reach}`,
    (c) => `无抵押、无担保、当天放款，额度1-50万，${c.reach}咨询，回T退订`,
    (c) => `【${c.app}】您的借款申请已通过，因银行卡信息有误资金被冻结，请${c.reach}处理`,
  ],
  investment_romance: [
    (c) => `【${c.app}】恭喜您获得内部股票交流名额，专业老师带您抓涨停，${c.reach}`,
    (c, r) => `牛市来了！名师免费荐股，日赚${r.int(3, 9)}%，${c.reach}进群`,
  ],
  impersonating_acquaintance: [(c, r) => `我是你${r.pick(RELATIONS)}，手机掉了，这是我新号码，有急事${c.reach}`],
  online_shopping: [
    (c, r) => `清仓特卖，${r.pick(ITEMS)}原价${r.int(10, 30)}99元，现价${r.int(2, 9)}99元，${c.reach}下单`,
    (c) => `【${c.brand}】您的订单因系统升级需重新核对收货信息，${c.reach}`,
  ],
  game_trading: [
    (c, r) => `【${r.pick(GAMES)}】您的账号存在异常交易，为保障账号安全请${c.reach}验证`,
    (c, r) => `${r.pick(GAMES)}周年庆，免费领取限定皮肤，${c.reach}`,
  ],
  fake_prize: [
    (c, r) => `【${c.brand}】尊敬的客户，您的积分${r.int(3000, 30000)}分即将清零，请${c.reach}兑换现金礼品，回T退订`,
    (c, r) => `【${c.brand}】您已获得${r.pick(PRIZES)}一份，请于24小时内${c.reach}领取，逾期作废`,
    (c, r) => `【中国移动】您的话费积分可兑换${r.int(1, 5)}00元现金红包，${c.reach}，今日有效`,
    (c, r) => `【${c.brand}】您的信用卡额度可提升至${r.int(5, 20)}万元，${c.reach}申请`,
  ],
  credit_record: [
    (c) => `【征信中心】您的个人征信存在逾期记录，将影响房贷车贷，请${c.reach}处理`,
    (c) => `【${c.brand}】您的学生账户未注销，将于今日影响个人征信，${c.reach}`,
  ],
  other: [
    (c) => `【ETC】您的ETC卡已失效，为避免影响通行，请${c.reach}重新认证`,
    (c) => `【12123】您有一条交通违法记录未处理，请${c.reach}查询`,
  ],
};

const payTo = (c: { payee: string }, lead: string): string => (c.payee ? `${lead}${c.payee}` : '');

export const CHAT: Readonly<Record<Category, readonly Fill[]>> = {
  part_time_job: [
    () => '亲，今天的任务已发布，先做第一单小额任务，佣金马上返还',
    (c) => `系统提示您操作失误，需完成三单联单任务才能解冻本金${payTo(c, '，请转账至')}`,
    (c, r) => `下载${c.url || `"${c.app}"`}，注册时邀请码填${r.digits(6)}`,
  ],
  fake_customer_service: [
    (c, r) => `您好，这里是${c.brand}理赔专员，请您打开${r.pick(MEETING_APPS)}，会议号${r.digits(9)}`,
    (c) => `为了验证您的账户，请转账到以下安全账户：${c.payee || '稍后发您'}`,
  ],
  impersonating_officials: [
    (c) => `这是你的通缉令，自己登录${c.url || '网站'}查看，不要告诉任何人`,
    (c) => `案件需要保密，把资金转入清查账户${c.payee || ''}，核查完毕原路退回`,
  ],
  loan: [
    (c) => `您的银行卡号填写错误，资金已冻结，需缴纳${c.first}解冻费${payTo(c, '，收款账户')}`,
    (c) => `下载链接${c.url || '稍后发您'}，注册后填写资料即可放款`,
  ],
  investment_romance: [
    (c) => `宝贝，今天行情很好，我带你在${c.app}上操作一笔，稳赚不赔`,
    (c) => `充值请联系客服${payTo(c, '，这次的收款账户是')}`,
    (c) => (c.wallet ? `平台USDT充值地址：${c.wallet}` : `平台地址${c.url || c.app}，注册后把账号发我`),
  ],
  impersonating_acquaintance: [
    (c) => `我在开会，不方便接电话，你先给这个账户转${c.first}：${c.payee || '（账户稍后发）'}，回头我再跟你说`,
    (_c, r) => `在吗？我是你${r.pick(RELATIONS)}，手机丢了，这是我新号`,
  ],
  online_shopping: [
    (c) => `亲，走平台要扣手续费，直接转账给我吧${payTo(c, '，')}`,
    (c) => `商品链接：${c.url || '私聊发你'}，拍下后备注你的微信`,
  ],
  game_trading: [(c) => `在${c.url || '这个平台'}挂单，平台安全有保障`, (c) => `账号给你保留，先付押金${c.first}${payTo(c, '到')}`],
  fake_prize: [(_c, r) => `恭喜中奖，请支付${r.int(1, 9)}00元手续费领取`],
  credit_record: [
    (c) => `我们是征信中心的，需要把你的额度借出来转到指定账户清零${payTo(c, '，账户：')}`,
    (c) => `查询征信请登录${c.url || '官网'}`,
  ],
  other: [(c) => `请按照提示操作：${c.url || c.payee || '稍后发您'}`],
};

export const CALL: Readonly<Record<Category, readonly Fill[]>> = {
  part_time_job: [() => '自称招聘人员，介绍线上兼职，让加QQ做任务'],
  fake_customer_service: [
    (c) => `自称${c.brand}客服，称我的订单有质量问题可以退款`,
    () => '称我开通了百万保障服务，需要关闭，否则每月扣费',
  ],
  impersonating_officials: [
    (c) => `自称${c.city}公安局民警，称我涉嫌洗钱案，要求配合调查`,
    () => '自称检察官，要求将资金转入安全账户接受清查',
  ],
  loan: [() => '自称贷款公司客服，问是否需要低息贷款，当天放款'],
  investment_romance: [() => '自称投资顾问，推荐内部股票和理财平台'],
  impersonating_acquaintance: [(_c, r) => `自称是我${r.pick(RELATIONS)}，说手机掉了急需用钱`],
  online_shopping: [() => '自称卖家，说商品需要补交运费和保证金'],
  game_trading: [() => '自称交易平台客服，说账户被冻结需要解冻'],
  fake_prize: [(c) => `自称${c.brand}工作人员，说我中奖了需要交手续费`],
  credit_record: [(c) => `自称${c.brand}客服，称学生账户未注销会影响征信`],
  other: [() => '对方自称工作人员，要求我按指示操作'],
};

export const WEB: readonly Fill[] = [
  (_c, r) => `您的账户因操作异常已被冻结，请联系在线客服缴纳${r.int(10, 30)}%保证金解冻`,
  () => '提现失败：银行卡信息有误，资金已冻结，请联系客服',
  (_c, r) => `恭喜您，当前盈利${r.int(2, 90)}${r.digits(3)}元，提现需先缴纳个人所得税`,
  () => '任务未完成，本金暂时无法提现，请继续完成联单任务',
];
