// The audit log's action names the UI translates; an action outside this list is shown as stored.

export const AUDIT_ACTIONS = [
  'import',
  'demo',
  'sync',
  'link',
  'reveal',
  'export',
  'flow_export',
  'bundle_import',
  'merge',
  'split',
  'wrong_evidence',
  'revoke',
  'suggestion_accept',
  'suggestion_reject',
  'suggestion_revoke',
  'ignore',
  'ignore_add',
  'ignore_remove',
  'reference_add',
  'reference_remove',
  'case',
  'note',
  'settings',
  'trust',
  'sharing_key',
  'source',
  'store_passphrase',
  'store_backup',
  'store_restore',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
