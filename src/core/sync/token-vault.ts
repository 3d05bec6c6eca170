// Feed tokens are secrets (feed-protocol.md, Security). Core never writes one in plain text: it
// asks the host's vault to seal a token before storing it with the feed, and to open it when a
// sync needs it. Each host brings its own vault:
//   - Electron: over `safeStorage` (Keychain, DPAPI, libsecret/kwallet), the OS's credential
//     protection the protocol asks for. safeStorage has no associated data, so that vault seals
//     JSON {context, token} and checks the context when opening.
//   - the CLI and the browser host: FileTokenVault (file-token-vault.ts), a key file beside the store.

export interface TokenVault {
  /** Named in messages: "safeStorage", "key file". */
  readonly kind: string;
  /**
   * Seal `token` for one feed. `context` names the feed (feedTokenContext) and must be given
   * again to open it: a sealed token copied onto another feed's row — or a row whose URL was
   * edited to point elsewhere — does not open, so the token is never sent to a server it was
   * not entered for.
   */
  seal(token: string, context: string): Promise<string>;
  /** Throws TokenVaultError when the sealed text is not from this vault or not for `context`. */
  open(sealed: string, context: string): Promise<string>;
}

export class TokenVaultError extends Error {
  override readonly name = 'TokenVaultError';
}

export function feedTokenContext(url: string, precinct: string): string {
  return `casegraph feed token\n${url}\n${precinct}`;
}
