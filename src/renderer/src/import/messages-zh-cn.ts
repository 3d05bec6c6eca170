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
