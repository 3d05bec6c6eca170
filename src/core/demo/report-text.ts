// The details of one report as text, for the message and narrative templates. Each detail is
// written only when a template asks for it (most reports use few of them), then kept, so a report
// quotes a phone number the same way in its messages and in its narrative.

import type { Category } from '../../common/model';
import { centsToDecimal } from '../../common/money';
import { appName, claimedCity } from './actors';
import type { Evidence, Payee } from './evidence';
import { writeCard, writePhone, writeUrl } from './identifiers-format';
import { holderName } from './names';
import type { Rng } from './prng';
import type { TextContext } from './text-context';
import { spokenTime } from './time';
import { persona, type Brand } from './vocabulary';

export interface ReportFacts {
  readonly category: Category;
  readonly ev: Evidence;
  readonly brand: Brand;
  /** The actor's style number (sticky personas and app names). */
  readonly style: number;
  readonly victimName: string;
  readonly ownHotline: string;
  readonly occurred: number | null;
  readonly reported: number;
  readonly payments: readonly number[];
  readonly totalCents: number;
}

/** 12345 → "12,345" (Intl is far too slow for a million reports). */
function grouped(whole: number): string {
  const s = String(whole);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

/** An amount as people write it: 5000元, 5,000元, 1.2万元, 人民币3000.00元. */
export function amountText(rng: Rng, cents: number): string {
  const whole = Math.floor(cents / 100);
  const plain = cents % 100 === 0 ? String(whole) : centsToDecimal(cents);
  const r = rng.float();
  if (whole >= 10000 && r < 0.35) return `${Math.round(cents / 1e5) / 10}万元`;
  if (r < 0.5) return `${plain}元`;
  if (r < 0.75) return `${grouped(whole)}${cents % 100 === 0 ? '' : centsToDecimal(cents).slice(-3)}元`;
  if (r < 0.9 || cents % 100 !== 0) return `人民币${centsToDecimal(cents)}元`;
  return `${whole}块`;
}

function payeeText(rng: Rng, payee: Payee): string {
  if (payee.kind === 'pay') return `${payee.account.kind === 'alipay' ? '支付宝' : '微信'}${payee.account.value}`;
  const card = payee.card;
  return `${rng.chance(0.5) ? card.bank.name : card.bank.short}卡${writeCard(rng, card.digits)}${rng.chance(0.5) ? `（户名${holderName(card.digits)}）` : ''}`;
}

// Details a citizen may leave out of the narrative (bit flags).
const PHONE = 1;
const IM = 2;
const URL = 4;
const PAYEE = 8;
const WALLET = 16;

export class ReportText implements TextContext {
  private hidden = 0;
  private whenText?: string;
  private appText?: string;
  private reachText?: string;
  private phoneText?: string;
  private imText?: string;
  private urlText?: string;
  private payeeText?: string;
  private senderText?: string;
  private totalText?: string;
  private firstText?: string;

  constructor(
    private readonly rng: Rng,
    private readonly f: ReportFacts,
  ) {}

  /** Citizens retell only part of what they were sent: after the messages, forget some details. */
  forgetSome(): void {
    const rng = this.rng;
    this.hidden =
      (rng.chance(0.5) ? PHONE : 0) |
      (rng.chance(0.4) ? IM : 0) |
      (rng.chance(0.6) ? URL : 0) |
      (rng.chance(0.65) ? PAYEE : 0) |
      (rng.chance(0.5) ? WALLET : 0);
  }

  get when(): string {
    return (this.whenText ??= spokenTime(this.rng, this.f.occurred, this.f.reported));
  }
  get victim(): string {
    return this.f.victimName;
  }
  get alias(): string {
    return persona(this.f.category, this.f.style);
  }
  get brand(): string {
    return this.f.brand.name;
  }
  get hotline(): string {
    return this.f.brand.hotline;
  }
  get ownHotline(): string {
    return this.f.ownHotline;
  }
  get app(): string {
    return (this.appText ??= appName(this.f.style));
  }
  get city(): string {
    return claimedCity(this.f.style);
  }

  get reach(): string {
    if (this.reachText !== undefined) return this.reachText;
    const ev = this.f.ev;
    const rng = this.rng;
    const link = ev.shortLink || ev.url;
    if (link) this.reachText = `${rng.pick(['点击 ', '登录 ', '详见 ', '戳 ', '访问'])}${writeUrl(rng, link, ev.shortLink !== '')} `;
    else if (ev.phone) this.reachText = `${rng.pick(['致电', '回电', '联系', '拨打'])}${this.written('phone')}`;
    else this.reachText = `加${this.written('im')}`;
    return this.reachText;
  }

  get phone(): string {
    return this.hidden & PHONE ? '' : this.written('phone');
  }
  get im(): string {
    return this.hidden & IM ? '' : this.written('im');
  }
  get url(): string {
    return this.hidden & URL ? '' : this.written('url');
  }
  get payee(): string {
    return this.hidden & PAYEE ? '' : this.written('payee');
  }
  get wallet(): string {
    return this.hidden & WALLET ? '' : this.f.ev.wallet;
  }
  get sender(): string {
    return (this.senderText ??= this.f.ev.sender ? writePhone(this.rng, this.f.ev.sender) : '');
  }

  get total(): string {
    return (this.totalText ??= amountText(this.rng, this.f.totalCents));
  }
  get first(): string {
    const p = this.f.payments;
    return p.length > 1 ? (this.firstText ??= amountText(this.rng, p[0] as number)) : this.total;
  }
  get count(): number {
    return this.f.payments.length;
  }
  get lost(): boolean {
    return this.f.totalCents > 0;
  }

  /** The fraudster's value as this report writes it (made once, whether or not later forgotten). */
  private written(detail: 'phone' | 'im' | 'url' | 'payee'): string {
    const ev = this.f.ev;
    const rng = this.rng;
    switch (detail) {
      case 'phone':
        return (this.phoneText ??= ev.phone ? writePhone(rng, ev.phone) : '');
      case 'im':
        if (this.imText === undefined) {
          const im = ev.im;
          this.imText = !im
            ? ''
            : im.kind === 'qq'
              ? `${rng.pick(['QQ', 'QQ号', 'QQ：', 'qq'])}${im.value}`
              : `${rng.pick(['微信', '微信号', '微信：', 'vx：'])}${im.value}`;
        }
        return this.imText;
      case 'url':
        return (this.urlText ??= ev.url ? writeUrl(rng, ev.url) : ev.shortLink ? writeUrl(rng, ev.shortLink, true) : '');
      case 'payee':
        return (this.payeeText ??= ev.payees.length > 0 ? payeeText(rng, ev.payees[0] as Payee) : '');
    }
  }
}
