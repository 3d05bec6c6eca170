// The words scams are made of: the brands fraudsters impersonate, the personas they play, the
// places victims meet them, the bait. Shared by the message and narrative templates.

import type { Category } from '../../common/model';
import { BANKS } from './bank-cards';
import { styleChoice } from './prng';

export interface Brand {
  readonly name: string;
  /** The brand's real hotline, when it has a well-known one (a hub value when quoted). */
  readonly hotline: string;
}

const BANK_BRANDS: readonly Brand[] = BANKS.map((b) => ({ name: b.name, hotline: b.hotline }));
const PLATFORM_BRANDS: readonly Brand[] = ['淘宝', '京东', '拼多多', '抖音', '顺丰快递', '中通快递', '圆通快递', '唯品会'].map((name) => ({
  name,
  hotline: '',
}));
const FINANCE_BRANDS: readonly Brand[] = [
  { name: '京东金融', hotline: '' },
  { name: '蚂蚁花呗', hotline: '95188' },
  { name: '微粒贷', hotline: '' },
  { name: '支付宝', hotline: '95188' },
];

const CREDIT_BRANDS: readonly Brand[] = [...FINANCE_BRANDS, ...BANK_BRANDS.slice(0, 4)];

/** Whom a scam type pretends to be. */
export function brandsFor(category: Category): readonly Brand[] {
  switch (category) {
    case 'fake_customer_service':
    case 'online_shopping':
      return PLATFORM_BRANDS;
    case 'credit_record':
    case 'loan':
      return CREDIT_BRANDS;
    default:
      return BANK_BRANDS;
  }
}

const GENERIC_PERSONAS = ['客服', '工作人员', '小王'];
const PERSONAS: Partial<Record<Category, readonly string[]>> = {
  impersonating_officials: ['张警官', '李警官', '王警官', '刘科长', '陈检察官', '赵队长', '孙警官'],
  part_time_job: ['小雨', '客服小美', '李经理', '派单员小陈', '接待员阿琳', '导师七七'],
  investment_romance: ['陈先生', '林子豪', 'Jason', '阿杰', '王老师', '李教授', 'Eric', '周哥'],
  impersonating_acquaintance: ['王总', '李总', '张局', '刘主任', '陈董'],
  loan: ['客服小王', '信贷经理刘某', '专员小李'],
  credit_record: ['客服小周', '征信专员'],
};

/** A persona for a scam type; a gang keeps the same one (chosen by its style number). */
export function persona(category: Category, style: number): string {
  return styleChoice(style, 5, PERSONAS[category] ?? GENERIC_PERSONAS);
}

export const JOB_ADS = ['抖音', '快手', '小红书', 'QQ群', '微信群', '58同城', 'BOSS直聘', '闲鱼', '贴吧'];
export const DATING_SITES = ['世纪佳缘', '珍爱网', '探探', '陌陌', 'Soul', '一个交友软件', '微信附近的人'];
export const PERSONA_JOBS = ['海归金融分析师', '新加坡做外汇的商人', '军人', '医生', '工程师', '证券公司员工'];
export const SHOPS = ['闲鱼', '朋友圈', '小红书', '转转', '一个二手群', '抖音'];
export const ITEMS = ['iPhone 15', '演唱会门票', '茅台酒', '品牌包', '游戏机', '低价机票', '奶粉', '笔记本电脑'];
export const GAMES = ['王者荣耀', '和平精英', '原神', '我的世界', '第五人格', '梦幻西游'];
export const GAME_SITES = ['交易猫', '闲鱼', '一个游戏交易群', '贴吧'];
export const PRIZES = ['电饭煲', '空气净化器', '价值2888元的礼品', '88元话费', '品牌行李箱', '现金红包'];
export const RELATIONS = ['表哥', '同学', '老领导', '侄子', '儿子', '老同事', '朋友'];
export const MEETING_APPS = ['腾讯会议', 'ZOOM', '向日葵远程控制', '某会议APP'];
export const LOAN_ADS = ['百度', '抖音', '一个贷款群', '短视频平台'];
export const PRETEXTS = ['办理ETC认证', '医保卡异常', '注销校园贷', '领取补贴', '购买演唱会门票', '投资养老项目', '代办信用卡', '快递理赔'];
