// The desktop app writes exports only where the investigator chose in the save dialog.
import { describe, expect, it } from 'vitest';
import { saveFilter, SaveTargets } from '../../src/main/save-targets';

describe('save targets', () => {
  it('lets an export through only to a path the dialog returned, once', () => {
    const t = new SaveTargets();
    const arg = { seriesId: 'S-1', redact: true, file: '/home/li/Documents/case.casebundle' };
    expect(t.check('bundle.export', arg)).toBe('the bundle can only be saved where the save dialog chose');
    t.remember('/home/li/Documents/case.casebundle');
    expect(t.check('bundle.export', { ...arg, file: '/home/li/.bashrc' })).not.toBeNull();
    expect(t.check('bundle.export', arg)).toBeNull();
    expect(t.check('bundle.export', arg)).not.toBeNull();
    expect(t.check('bundle.export', { seriesId: 'S-1', redact: true })).toBe('choose where to save the bundle first');
    expect(t.check('bundle.export', { seriesId: 'S-1', redact: true, file: 42 })).not.toBeNull();
  });

  it('guards money-flow exports the same way, and offers the dialog the export’s file type', () => {
    const t = new SaveTargets();
    const arg = { seriesId: 'S-1', format: 'xlsx', file: '/home/li/Documents/S-1-flow.xlsx' };
    expect(t.check('flow.export', arg)).toBe('the export can only be saved where the save dialog chose');
    expect(t.check('flow.export', { seriesId: 'S-1', format: 'xlsx' })).toBe('choose where to save the export first');
    t.remember(arg.file);
    expect(t.check('flow.export', arg)).toBeNull();
    expect(t.check('flow.export', arg)).not.toBeNull();
    expect(saveFilter('/home/li/Documents/S-1-flow.xlsx')).toEqual({ name: 'Excel workbook', extensions: ['xlsx'] });
    expect(saveFilter('S-1-flow.GraphML')).toEqual({ name: 'GraphML', extensions: ['graphml'] });
    expect(saveFilter('case.casebundle').extensions).toEqual(['casebundle']);
    expect(saveFilter('notes.txt').extensions).toEqual(['casebundle']);
  });

  it('lets a backup of the store through only to a path the dialog returned', () => {
    const t = new SaveTargets();
    const arg = { passphrase: 'a long passphrase', file: '/home/li/.config/Casegraph/backups/store-backup.db' };
    expect(t.check('store.backup', { passphrase: 'a long passphrase' })).toBe('choose where to save the backup first');
    expect(t.check('store.backup', arg)).toBe('the backup can only be saved where the save dialog chose');
    t.remember(arg.file);
    expect(t.check('store.backup', arg)).toBeNull();
    expect(t.check('store.backup', arg)).not.toBeNull();
    expect(saveFilter('store-backup.db')).toEqual({ name: 'Casegraph store backup', extensions: ['db'] });
  });

  it('leaves every other call alone', () => {
    const t = new SaveTargets();
    expect(t.check('reports.get', { id: 'R-1' })).toBeNull();
    expect(t.check('bundle.import', { file: '/tmp/x.casebundle' })).toBeNull();
    expect(t.check('store.info', undefined)).toBeNull();
  });
});
