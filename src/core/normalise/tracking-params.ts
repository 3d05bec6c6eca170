// Query parameters that say how a link was shared, not where it leads. They differ between
// two copies of the same fraud link, so canonical URLs drop them. Parameters that may carry
// the fraudster's own account (ref, invite, code, uid, sharer_shareid) are deliberately not listed.
export const TRACKING_PARAM_PREFIXES: readonly string[] = ['utm_'];

export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'spm',
  'scm',
  'from',
  'isappinstalled',
  'scene',
  'clicktime',
  'enterid',
  'wxfrom',
  'sharer_sharetime',
  'share_source',
  'share_medium',
  'share_plat',
  'share_session_id',
  'share_from',
  'share_tag',
  'vd_source',
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'yclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
]);

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  if (TRACKING_PARAMS.has(key)) return true;
  return TRACKING_PARAM_PREFIXES.some((prefix) => key.startsWith(prefix));
}
