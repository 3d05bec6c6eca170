// 简体中文：欢迎页。

import type { WelcomeMessages } from './messages';

export const welcomeZhCN: WelcomeMessages = {
  'welcome.title': '欢迎使用案件图谱',
  'welcome.body':
    '案件图谱汇集群众的电信网络诈骗报案，帮助侦查员检索报案、发现不同报案中相同的号码和账户，并把相关报案串并成案。数据保存在本机数据库中，随时可以导入新的报案文件。',
  'welcome.demo': '加载演示辖区',
  'welcome.demoHint': (_n, shown) => `生成 ${shown} 条虚构报案，用来熟悉各项功能。`,
  'welcome.import': '导入文件',
  'welcome.demoRunning': '正在生成演示数据…',
  'welcome.demoCancelled': '演示数据的生成已取消，已生成的报案会保留。',
  'welcome.notEmpty': (_n, shown) => `数据库中已有 ${shown} 条报案。`,
  'welcome.toReports': '打开报案列表',
};
