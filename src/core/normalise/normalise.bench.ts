// Speed of the import hot path: `npx vitest bench --run --config test/vitest.config.ts src/core/normalise`.
// Targets (2-core machine): >= 500k phone normalisations/s on common Chinese forms, >= 100k
// extractions/s of a typical 60-character SMS. Never part of the unit-test run.
import { bench, describe } from 'vitest';
import { extractIdentifiers, normaliseIdentifier } from './index';

const MOBILE_FORMS = [
  '13800138000',
  '+86 138-0013-8000',
  '138 0013 8000',
  '0086 13800138000',
  '86-138-0013-8000',
  '(+86)13800138000',
  '１３８００１３８０００',
  '400-812-3123',
];

const SMS = [
  '【工商银行】尊敬的客户，您的积分可兑换礼品，请登录 icbc-jf.cn/lq 领取，回T退订',
  '您好，我是京东客服，您的订单异常需要办理退款，请拨打13800138000或加QQ：123456789处理，过期作废',
  '兼职刷单日结200-500元，时间自由，在家可做，加微信：abc_123了解详情，名额有限，先到先得！',
  '【中国银行】您的账户积分即将清零，请于今日内登录boc-jf.top/m兑换现金红包，详询客服95566',
  '你的快递在运输途中丢失，理赔请联系客服400-812-3123，或点击t.cn/A6abcDE登记收款信息，退订回T',
  '妈，我换号了，这是新号码，先别告诉爸，明天转5000元到我同学卡上，我急用，谢谢，晚点给你打电话',
];

describe('normaliseIdentifier', () => {
  let i = 0;
  bench('phone, common Chinese forms', () => {
    normaliseIdentifier('phone', MOBILE_FORMS[i++ % MOBILE_FORMS.length] as string);
  });
  bench('url', () => {
    normaliseIdentifier('url', 'HTTP://WWW.Example.com/a?utm_source=x&b=1');
  });
});

describe('extractIdentifiers', () => {
  let i = 0;
  bench('typical SMS', () => {
    extractIdentifiers(SMS[i++ % SMS.length] as string);
  });
});
