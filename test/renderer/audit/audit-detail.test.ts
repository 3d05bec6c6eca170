import { describe, expect, it } from 'vitest';
import { auditDetailParts, auditSubjectText } from '../../../src/renderer/src/audit/audit-detail';
import { createFormat } from '../../../src/renderer/src/format/formatter';
import { en } from '../../../src/renderer/src/i18n/en';
import { zhCN } from '../../../src/renderer/src/i18n/zh-cn';

describe('audit entry details', () => {
  it('read in the UI language', () => {
    const detail = JSON.stringify({ event: 'update', status: { from: 'new', to: 'under_review' }, added: ['S-1', 'S-2'] });
    expect(auditDetailParts(detail, zhCN, createFormat('zh-CN'))).toEqual([
      { label: '事件', value: '修改' },
      { label: '状态', value: '新建 → 审查中' },
      { label: '添加', value: 'S-1, S-2' },
    ]);
    expect(auditDetailParts(JSON.stringify({ reports: 3000, cancelled: false }), en, createFormat('en'))).toEqual([
      { label: 'Reports', value: '3,000' },
      { label: 'Cancelled', value: 'no' },
    ]);
  });

  it('shows unknown keys and values as stored, and leaves non-objects alone', () => {
    expect(auditDetailParts('{"mystery":"thing"}', zhCN, createFormat('zh-CN'))).toEqual([{ label: 'mystery', value: 'thing' }]);
    expect(auditDetailParts('plain text', zhCN, createFormat('zh-CN'))).toBeNull();
    expect(auditDetailParts('[1,2]', zhCN, createFormat('zh-CN'))).toBeNull();
  });
});

describe('bundle audit details', () => {
  it('read the export and a refused import in Chinese', () => {
    const fmt = createFormat('zh-CN');
    const exported = auditDetailParts(JSON.stringify({ caseId: 'CASE-1', redaction: 'victims', hashes: 'none', reports: 38 }), zhCN, fmt);
    expect(exported).toEqual([
      { label: '案件', value: 'CASE-1' },
      { label: '脱敏', value: '受害人信息已脱敏' },
      { label: '带密钥哈希', value: '否' },
      { label: '报案数', value: '38' },
    ]);
    const refused = auditDetailParts(JSON.stringify({ rejected: ['manifest.sig is missing'], signer: null }), zhCN, fmt);
    expect(refused?.[0]).toEqual({ label: '拒收', value: '缺少 manifest.sig。' });
  });
});

describe('audit subjects', () => {
  it('read the fixed forms the backend writes in the UI language', () => {
    expect(auditSubjectText('demo', 'seed 42', zhCN)).toBe('随机种子 42');
    expect(auditSubjectText('revoke', 'correction #7', zhCN)).toBe('人工更正 #7');
    expect(auditSubjectText('link', 'full', zhCN)).toBe('全量串并');
    expect(auditSubjectText('link', 'incremental', en)).toBe('incremental relink');
    expect(auditSubjectText('settings', 'sharingKey', zhCN)).toBe('共享密钥');
    expect(auditSubjectText('ignore_add', 'phone 95588', zhCN)).toBe('电话号码 95588');
    expect(auditSubjectText('ignore_remove', 'url https://t.cn/a b', en)).toBe('URL https://t.cn/a b');
  });

  it('shows ids, names, files and anything unknown as stored', () => {
    expect(auditSubjectText('case', 'CASE-2026-0001', zhCN)).toBe('CASE-2026-0001');
    expect(auditSubjectText('import', 'demo-100000.ndjson', zhCN)).toBe('demo-100000.ndjson');
    expect(auditSubjectText('demo', 'seed x', zhCN)).toBe('seed x');
    expect(auditSubjectText('ignore_add', 'planet 95588', zhCN)).toBe('planet 95588');
    expect(auditSubjectText('reveal', null, zhCN)).toBe('');
  });
});
