// The CLI's and browser host's token vault: sealed at rest, bound to its feed, key file private.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/core/store/db';
import { FileTokenVault, tokenKeyPathFor } from '../../../src/core/sync/file-token-vault';
import { ensureFeedSource, loadFeedToken, removeFeedSource, saveFeedToken, listFeedSources } from '../../../src/core/sync/feed-sources';
import { feedTokenContext, TokenVaultError } from '../../../src/core/sync/token-vault';
import { tempDir } from '../../support/tmp';

const TOKEN = 'tk_live_7f3a9c0e1b2d4f6a8c0e';

describe('FileTokenVault', () => {
  it('seals with a fresh IV each time, opens only for the same feed, and keeps the key file private', async () => {
    const dir = tempDir();
    const keyFile = tokenKeyPathFor(path.join(dir, 'store.db'));
    const vault = new FileTokenVault(keyFile);
    const ctx = feedTokenContext('https://feed.example.cn', 'P1');
    const a = await vault.seal(TOKEN, ctx);
    const b = await vault.seal(TOKEN, ctx);
    expect(a).not.toBe(b);
    expect(a).not.toContain(TOKEN);
    expect(a.startsWith('cgv1.')).toBe(true);
    expect(await vault.open(a, ctx)).toBe(TOKEN);
    expect(await new FileTokenVault(keyFile).open(b, ctx)).toBe(TOKEN);
    await expect(vault.open(a, feedTokenContext('https://evil.example.com', 'P1'))).rejects.toThrow(TokenVaultError);
    await expect(vault.open(`${a.slice(0, -2)}AA`, ctx)).rejects.toThrow(/cannot be opened/);
    await expect(vault.open('plain-text', ctx)).rejects.toThrow(/another vault/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      fs.chmodSync(keyFile, 0o644);
      await expect(new FileTokenVault(keyFile).open(a, ctx)).rejects.toThrow(/can be read by other users/);
    }
    // Another key (the store copied without its key file): the token stays sealed.
    const elsewhere = new FileTokenVault(path.join(tempDir(), 'k.key'));
    await elsewhere.seal('x', ctx);
    await expect(elsewhere.open(a, ctx)).rejects.toThrow(TokenVaultError);
  });

  it('stores only the sealed token with the feed; a removed feed loses it and keeps its row', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'store.db');
    const db = openStore(file);
    try {
      const vault = new FileTokenVault(tokenKeyPathFor(file));
      const source = ensureFeedSource(db, 'https://feed.example.cn/', 'P1');
      await saveFeedToken(db, vault, source, TOKEN);
      expect(await loadFeedToken(db, vault, source)).toBe(TOKEN);
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(fs.readFileSync(file).includes(Buffer.from(TOKEN))).toBe(false);
      expect(listFeedSources(db)).toMatchObject([{ url: 'https://feed.example.cn', precinct: 'P1', hasToken: true, removedAt: null }]);
      // A row edited to point at another server cannot open the token.
      db.prepare('UPDATE source SET url = ? WHERE id = ?').run('https://evil.example.com', source.id);
      await expect(loadFeedToken(db, vault, { ...source, url: 'https://evil.example.com' })).rejects.toThrow(TokenVaultError);
      db.prepare('UPDATE source SET url = ? WHERE id = ?').run(source.url, source.id);
      expect(removeFeedSource(db, source.id)).toBe(true);
      expect(listFeedSources(db)).toEqual([]);
      expect(listFeedSources(db, { includeRemoved: true })).toMatchObject([{ id: source.id, hasToken: false }]);
      expect(ensureFeedSource(db, 'https://feed.example.cn', 'P1')).toMatchObject({ id: source.id, removedAt: null });
    } finally {
      db.close();
    }
  });
});
