// Building blocks of the message types and dictionaries, shared by every feature's messages.

/** A message that embeds a count: raw (for plural rules) and formatted for the locale. */
export type Count = (n: number, shown: string) => string;

/** A message that embeds a name (a field, a file, a value). */
export type Named = (name: string) => string;

/** One plain-text message per member of `K`, keyed `${Prefix}.${member}`. */
export type Keyed<Prefix extends string, K extends string> = { readonly [P in K as `${Prefix}.${P}`]: string };

/** English count with its noun: "1 report", "12,500 reports". */
export const plural = (n: number, shown: string, one: string, many: string): string => `${shown} ${n === 1 ? one : many}`;
