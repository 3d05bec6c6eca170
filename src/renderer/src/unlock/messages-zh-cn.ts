// 简体中文：解锁界面。

import type { UnlockMessages } from './messages';

export const unlockZhCN: UnlockMessages = {
  'unlock.title': '解锁数据库',
  'unlock.intro': '本工作站上的案件数据已加密。请输入数据库口令以打开。',
  'unlock.newTitle': '设置数据库口令',
  'unlock.newIntro': '这里还没有数据库。案件图谱从第一次写入起就加密数据库，您设置的口令用于封存其密钥。没有口令，任何人都无法打开数据库。',
  'unlock.keyringRefused': '系统密钥环不可用（或只有不受保护的明文替代方式），因此数据库密钥以口令封存。',
  'unlock.store': '数据库',
  'unlock.passphrase': '口令',
  'unlock.newPassphrase': '新口令',
  'unlock.repeat': '再输入一次',
  'unlock.lengthHint': (min) => `至少 ${min} 个字符；几个词组成的口令比简短的密码更好记。`,
  'unlock.tooShort': (min) => `口令至少需要 ${min} 个字符。`,
  'unlock.differ': '两次输入的口令不一致。',
  'unlock.empty': '请输入口令。',
  'unlock.wrong': '口令不正确，无法打开这个数据库，请检查后重试。',
  'unlock.open': '解锁',
  'unlock.opening': '正在解锁…',
  'unlock.create': '创建数据库',
  'unlock.creating': '正在创建…',
  'unlock.forgotten': '忘记的口令无法找回：只能用备份及其口令恢复。',
};
