// 简体中文：串并建议审核队列。

import type { SuggestionMessages } from './messages';

const STATUS = { open: '待审核', accepted: '已采纳', rejected: '已驳回' } as const;

export const suggestionsZhCN: SuggestionMessages = {
  'suggestions.title': '待审核的串并建议',
  'suggestions.intro':
    '串并引擎不会单凭这些线索自动串并：相似的诈骗话术、相近的时间、相同的冒充品牌或发送方、共同的域名。采纳后两个串案合并为一（记作一次人工合并，附您的理由，可撤销）；驳回后这两个串案之间不再提出该建议。',
  'suggestions.filter': '筛选串并建议',
  'suggestions.status': '状态',
  'suggestions.status.open': STATUS.open,
  'suggestions.status.accepted': STATUS.accepted,
  'suggestions.status.rejected': STATUS.rejected,
  'suggestions.total': (status, _n, shown) => `${STATUS[status]} ${shown} 条`,
  'suggestions.crossing': (_n, shown) => `其中 ${shown} 条会使串案达到立案标准`,
  'suggestions.list': '串并建议',
  'suggestions.empty.open': '暂无待审核的串并建议。',
  'suggestions.empty.accepted': '尚未采纳任何串并建议。',
  'suggestions.empty.rejected': '尚未驳回任何串并建议。',
  'suggestions.and': '与',
  'suggestions.single': (reportId) => `报案 ${reportId}`,
  'suggestions.reports': (_n, shown) => `${shown} 条报案`,
  'suggestions.together': '合计',
  'suggestions.ofThreshold': (loss, threshold) => `${loss}，立案标准 ${threshold}`,
  'suggestions.wouldReach': '合并后将达到立案标准',
  'suggestions.wouldNotReach': '合并后不会使串案新达到立案标准',
  'suggestions.probability': '概率',
  'suggestions.probabilityValue': (percent, bits) => `${percent}%（评分 ${bits}）`,
  'suggestions.carriedBy': '依据的报案',
  'suggestions.evidence': '证据',
  'suggestions.accept': '采纳',
  'suggestions.acceptDone': '已采纳：两个串案将合并为一；正在重新串并。',
  'suggestions.reject': '驳回',
  'suggestions.rejectDone': '已驳回：这两个串案之间不再提出该建议。',
  'suggestions.revoke': '撤销决定',
  'suggestions.revokeDone': '已撤销：该建议重新待审核。',
  'suggestions.decidedBy': (status, actor, when) => `${actor} 于 ${when} ${status === 'accepted' ? '采纳' : '驳回'}`,
  'suggestions.reason': '理由',
  'suggestions.correction': (id) => `合并更正 ${id}`,
  'suggestions.toOpen': '在待审核的串并建议中查看',
  'suggestions.partingFirst': '重新串并后两个串案将再次分开；完成后再作决定。',
  'suggestions.nowOne': '现为同一串案：',
  'suggestions.relinking': '正在重新串并：完成后串案随之更新。',
  'suggestions.panelTitle': '串并建议',
  'suggestions.panelIntro': '可能将本串案与其他串案合并的线索，请审核后采纳或驳回。',
  'suggestions.openQueue': '查看全部串并建议',
};
