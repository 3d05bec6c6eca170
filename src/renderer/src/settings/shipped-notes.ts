// The notes of the shipped ignore-list defaults (resources/ignore-list.json), which the UI
// translates; a note not in this list is shown as shipped.

export const SHIPPED_NOTES = [
  'ICBC hotline',
  'CCB hotline',
  'ABC hotline',
  'BOC hotline',
  'CMB hotline',
  'BoCom hotline',
  'Postal Savings Bank hotline',
  'Ping An hotline',
  'SPDB hotline',
  'CMBC hotline',
  'CEB hotline',
  'CITIC hotline',
  'CIB hotline',
  'Alipay hotline',
  'WeChat Pay hotline',
  'China Mobile',
  'China Unicom',
  'China Telecom',
  'anti-fraud warning line',
  'police',
  'MIIT fraud-call warning line',
  'SF Express hotline',
  'platform home page',
] as const;

export type ShippedNote = (typeof SHIPPED_NOTES)[number];

export function isShippedNote(note: string): note is ShippedNote {
  return (SHIPPED_NOTES as readonly string[]).includes(note);
}
