// A LIKE pattern matching any text that contains `text` literally: its %, _ and \ escaped for
// `LIKE ? ESCAPE '\'`.
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
