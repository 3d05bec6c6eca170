// The reference server's cursors: opaque to clients (they must only echo them back), tamper-evident,
// and different every time even for the same position, so a client cannot mistake "same cursor"
// for "same position" or depend on their format.
import crypto from 'node:crypto';

export class CursorCodec {
  private readonly secret = crypto.randomBytes(16);
  private nonce = 0;

  encode(offset: number): string {
    this.nonce += 1;
    const body = `${offset}.${this.nonce.toString(36)}`;
    return `${Buffer.from(body).toString('base64url')}.${this.mac(body)}`;
  }

  /** The position a cursor stands for; null when it is not one of ours. Empty means the beginning. */
  decode(cursor: string | null): number | null {
    if (cursor === null || cursor === '') return 0;
    const [b64, mac] = cursor.split('.');
    if (!b64 || !mac) return null;
    const body = Buffer.from(b64, 'base64url').toString('utf8');
    if (this.mac(body) !== mac) return null;
    const offset = Number(body.split('.')[0]);
    return Number.isSafeInteger(offset) && offset >= 0 ? offset : null;
  }

  private mac(body: string): string {
    return crypto.createHmac('sha256', this.secret).update(body).digest('base64url').slice(0, 16);
  }
}
