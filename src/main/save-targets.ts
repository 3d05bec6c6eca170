// Where the desktop app may write an export: only to a path the investigator chose in the save
// dialog of this session, each path once. The renderer names the path in `bundle.export` and
// `flow.export`, but a
// renderer is the least trusted part of the app, so the main process checks it against what the
// dialog returned before the call reaches the backend. Plain code (no electron import), tested
// under Node.

/** The methods that write a file where the renderer names it. */
const EXPORTS: ReadonlySet<string> = new Set(['bundle.export', 'flow.export']);

/** The save dialog's file type for a suggested name (by its extension). */
export function saveFilter(suggestedName: string): { readonly name: string; readonly extensions: string[] } {
  const ext = /\.([a-z]+)$/i.exec(suggestedName)?.[1]?.toLowerCase() ?? 'casebundle';
  const names: Record<string, string> = { casebundle: 'Casegraph bundle', xlsx: 'Excel workbook', csv: 'CSV', graphml: 'GraphML' };
  return names[ext] ? { name: names[ext], extensions: [ext] } : { name: 'Casegraph bundle', extensions: ['casebundle'] };
}

export class SaveTargets {
  private readonly chosen = new Set<string>();

  /** A path the save dialog returned. */
  remember(file: string): void {
    this.chosen.add(file);
  }

  /**
   * Null when the call may go on; otherwise why not. An export to a chosen path uses the path
   * up: a second export needs a second choice.
   */
  check(method: string, arg: unknown): string | null {
    if (!EXPORTS.has(method) || typeof arg !== 'object' || arg === null) return null;
    const what = method === 'bundle.export' ? 'the bundle' : 'the export';
    const file = (arg as { file?: unknown }).file;
    if (file === undefined) return `choose where to save ${what} first`;
    if (typeof file !== 'string' || !this.chosen.has(file)) return `${what} can only be saved where the save dialog chose`;
    this.chosen.delete(file);
    return null;
  }
}
