import { describe, expect, it } from 'vitest';
import { auditDetailParts } from '../../src/renderer/src/audit/audit-detail';
import { createFormat } from '../../src/renderer/src/format/formatter';
import { en } from '../../src/renderer/src/i18n/en';
import { zhCN } from '../../src/renderer/src/i18n/zh-cn';

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
