import { describe, expect, it } from 'vitest';
import { extractIdentifiers } from '../../../src/core/normalise';

/** "kind:value" of everything found, in order. */
const found = (text: string): string[] => extractIdentifiers(text).map(({ kind, value }) => `${kind}:${value}`);

describe('links in SMS and narratives', () => {
  it.each([
    ['【工商银行】尊敬的客户，您的积分可兑换礼品，请登录 icbc-jf.cn/lq 领取，回T退订', 'url:http://icbc-jf.cn/lq'],
    ['请登录icbc-jf.cn/lq领取', 'url:http://icbc-jf.cn/lq'],
    ['您的积分即将清零，请登录boc-jf.top/m兑换。', 'url:http://boc-jf.top/m'],
    ['点击http://t.cn/A6abcDE领取积分', 'url:http://t.cn/A6abcDE'],
    ['登录 www.icbc-vip.com 激活', 'url:http://icbc-vip.com'],
    ['访问HTTPS://WWW.Example.COM/a?utm_source=sms&b=1，马上办理', 'url:http://example.com/a?b=1'],
    ['网址：icbc-jf.cn。', 'url:http://icbc-jf.cn'],
    ['网址（icbc-jf.cn/lq）', 'url:http://icbc-jf.cn/lq'],
    ['下载地址：https://app.xyz-loan.vip/d?c=K9，安装后', 'url:http://app.xyz-loan.vip/d?c=K9'],
    ['链接http://103.45.6.7:8080/login谨防受骗', 'url:http://103.45.6.7:8080/login'],
    ['ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／ａ 请查收', 'url:http://example.com/a'],
    ['Please visit example.com/claim now.', 'url:http://example.com/claim'],
    ['http://mp.weixin.qq.com/s?__biz=MzA&mid=1&from=singlemessage&isappinstalled=0#rd', 'url:http://mp.weixin.qq.com/s?__biz=MzA&mid=1'],
    ['查询记录https://www.virustotal.com/#/url/4b2a7f09c1/detection显示为钓鱼', 'url:http://virustotal.com#/url/4b2a7f09c1/detection'],
    ['对方主页 x.com/#!/kefu_88 已注销', 'url:http://x.com#!/kefu_88'],
    ['网址：https://pay-vip.top/#!/order?id=7！', 'url:http://pay-vip.top#!/order?id=7'],
    ['网址：pay-vip.top/#！', 'url:http://pay-vip.top'],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('a short link is marked', () => {
    expect(extractIdentifiers('戳 t.cn/A6abcDE 领取')).toEqual([
      { kind: 'url', value: 'http://t.cn/A6abcDE', subtype: 'short_link', domain: 't.cn', raw: 't.cn/A6abcDE' },
    ]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['请致电13800138000', 'phone:+8613800138000'],
    ['联系电话：138 0013 8000', 'phone:+8613800138000'],
    ['手机138-0013-8000，微信同号', 'phone:+8613800138000'],
    ['对方号码+86 138 0013 8000', 'phone:+8613800138000'],
    ['(+86)13800138000', 'phone:+8613800138000'],
    ['0086-13800138000打来', 'phone:+8613800138000'],
    ['号码是１３８００１３８０００', 'phone:+8613800138000'],
    ['13800138000', 'phone:+8613800138000'],
    ['客服热线4008123123', 'phone:4008123123'],
    ['请拨打400-812-3123办理退款', 'phone:4008123123'],
    ['拨打95588咨询', 'phone:95588'],
    ['冒充10086客服', 'phone:10086'],
    ['显示来电95555', 'phone:95555'],
    ['投诉到12315', 'phone:12315'],
    ['收到1069 0570 012发来的短信', 'phone:10690570012'],
    ['短信来自1065905700123', 'phone:1065905700123'],
    ['座机0755-8888 8888', 'phone:+8675588888888'],
    ['电话075588888888', 'phone:+8675588888888'],
    ['办公室010-65529988', 'phone:+861065529988'],
    ['Call +1 415 555 2671 now', 'phone:+14155552671'],
    ['香港号码+852 6123 4567', 'phone:+85261234567'],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('raw is the number as written (after NFKC)', () => {
    expect(extractIdentifiers('联系电话：１３８ ００１３ ８０００。')).toEqual([
      { kind: 'phone', value: '+8613800138000', subtype: 'mobile', raw: '138 0013 8000' },
    ]);
  });

  it.each([
    ['两个号码13800138000、13900139000', ['phone:+8613800138000', 'phone:+8613900139000']],
    ['13800138000 13900139000', ['phone:+8613800138000', 'phone:+8613900139000']],
    ['138 0013 8000 139 0013 9000', ['phone:+8613800138000', 'phone:+8613900139000']],
    ['拨打4008-123-123或10086', ['phone:4008123123', 'phone:10086']],
    ['2017-06-03 13800138000', ['phone:+8613800138000']],
  ])('several numbers in one run: %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('contact handles', () => {
  it.each([
    ['加QQ：371958246领取', ['qq:371958246']],
    ['加扣扣 31795246', ['qq:31795246']],
    ['qq号码是31795246', ['qq:31795246']],
    ['ＱＱ：３７１９５８２４６', ['qq:371958246']],
    ['Q群：689245713', ['qq:689245713']],
    ['QQ：13800138000', ['qq:13800138000']],
    ['微信：abc_123', ['wechat:abc_123']],
    ['加V：xyz888', ['wechat:xyz888']],
    ['vx: hello_wd1', ['wechat:hello_wd1']],
    ['加微信abc123领红包', ['wechat:abc123']],
    ['微信号是Zhang-San88。', ['wechat:zhang-san88']],
    ['V信 abc_123', ['wechat:abc_123']],
    ['对方微信wxid_abcdefghij1234', ['wechat:wxid_abcdefghij1234']],
    ['wxid_abcdefghij1234', ['wechat:wxid_abcdefghij1234']],
    ['微信：13800138000', ['phone:+8613800138000', 'wechat:+8613800138000']],
    ['邮箱zhang.san@163.com联系', ['email:zhang.san@163.com']],
    ['发到31795246@qq.com', ['qq:31795246', 'email:31795246@qq.com']],
    ['支付宝账号：13800138000', ['phone:+8613800138000', 'alipay:+8613800138000']],
    ['支付宝：zhang.san@163.com', ['alipay:zhang.san@163.com', 'email:zhang.san@163.com']],
    ['USDT地址TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf，转入', ['crypto:TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf']],
    ['ETH: 0x52908400098527886E0F7030069857D2E4169EE7', ['crypto:0x52908400098527886e0f7030069857d2e4169ee7']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each(['进Q群689245713', 'QQ群：689245713', '拉我进群，群号689245713'])('a QQ group is marked: %s', (text) => {
    expect(extractIdentifiers(text)).toEqual([{ kind: 'qq', value: '689245713', subtype: 'group', raw: '689245713' }]);
  });
});

describe('bank cards in text', () => {
  it.each([
    ['转账到卡号6217 0000 1234 5678 901', ['bank_card:6217000012345678901']],
    ['对方账户：6222021234567890128（工商银行）', ['bank_card:6222021234567890128']],
    ['6222 0212 3456 7890 128', ['bank_card:6222021234567890128']],
    ['收款卡4532015112830366', ['bank_card:4532015112830366']],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('a full report narrative', () => {
  it('finds each identifier once, in order', () => {
    const text =
      '6月2日收到1069 0570 012发来的短信，称积分可兑换，点击icbc-jf.cn/lq后按提示操作。' +
      '随后客服13800138000来电，让我加QQ：371958246和微信：abc_123，' +
      '又让我向卡号6222 0212 3456 7890 128转账5000元。对方又用138-0013-8000打来。';
    expect(found(text)).toEqual([
      'phone:10690570012',
      'url:http://icbc-jf.cn/lq',
      'phone:+8613800138000',
      'qq:371958246',
      'wechat:abc_123',
      'bank_card:6222021234567890128',
    ]);
  });
});

describe('no false positives', () => {
  it.each([
    '卡内5000元被转走',
    '损失10000元',
    '共计13800元',
    '转账10086元',
    '金额￥95588',
    '日期2017-06-03，时间13:00',
    '2017.06.03 发生',
    '2017年6月3日20点40分',
    '身份证号320102198001011234',
    '身份证32010219800101123X',
    '身份证 3201 0219 8001 0112 34',
    '订单号202306031234567890',
    '订单号：2023060312345678',
    '报警拨打110',
    '我打了120',
    '尾号1234的银行卡',
    '验证码为123456，请勿泄露',
    '12345',
    '95588',
    '版本v1.2.3',
    '见附件report.txt',
    '文件名.apk',
    'Mr.Li said hello',
    '微信支付',
    '微信转账了3000元',
    '通过微信 联系',
    'QQ音乐',
    'FAQ: 31795246',
    'wechat account',
    '第3期，共12期',
    '1.2.3.4',
    '利率0.5%',
    '单号 6222 0212 3456 7890 129',
    '回T退订',
    '',
  ])('%j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('digits inside a link are not phone numbers', () => {
    expect(found('http://x-loan.cn/13800138000?id=95588')).toEqual(['url:http://x-loan.cn/13800138000?id=95588']);
  });

  it('a Luhn-valid card number is not also a phone', () => {
    expect(found('6222021234567890128')).toEqual(['bank_card:6222021234567890128']);
  });

  it('the domain of an e-mail is not a link', () => {
    expect(found('zhang.san@163.com')).toEqual(['email:zhang.san@163.com']);
  });
});

describe('numbers that are parts of something else', () => {
  it.each([
    ['send 0.1 ETH to the address on 167.71.210.238/signmsg.html', []],
    ['打开167.71.210.238后按页面要求转账', []],
    ['版本1.2.3.4.5', []],
    ['from @Kusama_Support044: claim your DOT', []],
    ['@Polkadotjs_Help110 says hi', []],
    ['user_13800138000 加你为好友', []],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Tel13800138000', ['phone:+8613800138000']],
    ['V13800138000', ['phone:+8613800138000']],
    ['@张三 13800138000', ['phone:+8613800138000']],
    ['服务器 10.0.0.1 电话13800138000', ['phone:+8613800138000']],
    ['日期2023.06.03 电话13800138000', ['phone:+8613800138000']],
  ])('near miss: %s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('deduplication by (kind, value)', () => {
  it('one phone written three ways is one identifier, with the first raw', () => {
    const result = extractIdentifiers('电话13800138000，也可拨138 0013 8000或+86-138-0013-8000');
    expect(result).toEqual([{ kind: 'phone', value: '+8613800138000', subtype: 'mobile', raw: '13800138000' }]);
  });

  it('one link written two ways is one identifier', () => {
    expect(found('登录 HTTP://WWW.Example.com/a?b=1 或 example.com/a?b=1')).toEqual(['url:http://example.com/a?b=1']);
  });
});
