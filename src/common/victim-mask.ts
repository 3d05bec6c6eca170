// Masks for the victim's personal data, shown until the investigator reveals a field:
// 罗某 → 罗*, 13905141234 → 139****1234, 320102198001011234 → 3201**********1234.
// Masks keep just enough to tell two people apart at a glance and never the whole value.
// The backend applies them before a report leaves it (`reports.get`); the whole values travel
// only through `reports.revealVictim`, which writes the audit log. Runs anywhere.
import type { Victim } from './model';

/** Family name only: the first character, then one star (the length is not revealed). */
export function redactName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return `${chars[0]}*`;
}

/** The first three and last four digits of the national number, four stars between. */
export function redactPhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  // Drop China's country code so the kept prefix is the carrier prefix (139…), not 861.
  if (/^(?:0086|86)1\d{10}$/.test(digits)) digits = digits.slice(digits.length - 11);
  if (digits.length < 8) return '*'.repeat(Math.max(digits.length, 4));
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** The first four (province and city) and last four characters; the birth date is masked. */
export function redactIdNumber(id: string): string {
  const chars = Array.from(id.replace(/\s/g, ''));
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return `${chars.slice(0, 4).join('')}${'*'.repeat(chars.length - 8)}${chars.slice(-4).join('')}`;
}

/** A victim as every answer but the audited reveal carries it: name, phone and ID number masked. */
export function maskVictim(v: Victim): Victim {
  return {
    ...v,
    ...(v.name !== undefined ? { name: redactName(v.name) } : {}),
    ...(v.phone !== undefined ? { phone: redactPhone(v.phone) } : {}),
    ...(v.id_number !== undefined ? { id_number: redactIdNumber(v.id_number) } : {}),
  };
}
