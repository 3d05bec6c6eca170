// 简体中文：导入与隔离区。

import type { ImportMessages } from './messages';

export const importZhCN: ImportMessages = {
  'import.title': '导入报案',
  'import.intro': '导入报案平台导出的 NDJSON 或 CSV 文件。重复导入是安全的：相同或更旧的版本会被跳过，更新的版本会替换旧版本。',
  'import.drop': '将报案文件拖放到这里',
  'import.choose': '选择文件…',
  'import.formats': '支持 .ndjson、.jsonl 和 .csv 文件（可一次选择多个），以及其他单位发来的案件包（.casebundle）。',
  'import.staging': (_n, shown) => `正在准备 ${shown} 个文件…`,
  'import.starting': '正在开始导入…',
  'import.kind': '文件类型',
  'import.kind.reports': '报案（NDJSON、CSV）',
  'import.kind.statements': '银行流水（xlsx、CSV）',
  'import.statements.hint':
    '银行对调单的反馈：xlsx，或 UTF-8、GB18030 编码的 CSV。其中的银行卡会关联到报案中出现该卡的串案，可在串案的资金流向中查看。',
  'import.statements.summary': '银行流水已导入',
  'import.statements.counts': (fresh, duplicates, rejected) =>
    `新增交易 ${fresh} 笔，已存在 ${duplicates} 笔（对方流水中的同一笔或重复行），拒收 ${rejected} 行`,
  'import.statements.file': (file, encoding, rows) => `${file}：${rows} 行，按 ${encoding} 读取`,
  'import.statements.again': (file) => `${file}：此前已导入，未作改动`,
  'import.statements.rejected': '拒收的行',
  'import.statements.where': '位置',
  'import.statements.column': '列',
  'import.statements.reason': '原因',
  'import.statements.row': (file, sheet, row) => `${file}，${sheet}，第 ${row} 行`,
  'import.cancel': '取消导入',
  'import.cancelled': '导入已取消。取消前已提交的记录会保留。',
  'import.failed': '导入未能完成。',
  'import.summary': '导入结果',
  'import.files': '文件',
  'import.rejections': '拒收的记录',
  'import.rejectionsShown': (shown, total) => `显示前 ${shown} 条，共 ${total} 条；全部拒收记录保存在隔离区。`,
  'import.quarantineLink': '查看隔离区',
  'import.viewReports': '查看报案列表',

  'rej.where': '位置',
  'rej.field': '字段',
  'rej.reason': '原因',

  'quarantine.title': '隔离区',
  'quarantine.intro': '无法导入的记录连同原因保存在这里，修正源文件后可以重新导入。',
  'quarantine.empty': '隔离区是空的。',
  'quarantine.back': '返回导入',
  'quarantine.source': '来源文件',
  'quarantine.receivedAt': '接收时间',
};
