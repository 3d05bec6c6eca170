// Where the desktop app may write a file the renderer names (a case bundle, a money-flow export, a
// backup of the store): only to a path the investigator chose in the save dialog of this session,
// each path once. A renderer is the least trusted part of the app, so the main process checks the
// path against what the dialog returned before the call reaches the backend. Plain code (no
// electron import), tested under Node.

/** The methods that write a file the renderer names, and what they write. */
const SAVED: Readonly<Record<string, string>> = { 'bundle.export': 'bundle', 'flow.export': 'export', 'store.backup': 'backup' };

/** The save dialog's file type for a suggested name (by its extension). */
export function saveFilter(suggestedName: string): { readonly name: string; readonly extensions: string[] } {
  const ext = /\.([a-z]+)$/i.exec(suggestedName)?.[1]?.toLowerCase() ?? 'casebundle';
  const names: Record<string, string> = {
    casebundle: 'Casegraph bundle',
    xlsx: 'Excel workbook',
    csv: 'CSV',
    graphml: 'GraphML',
    db: 'Casegraph store backup',
  };
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
    const what = SAVED[method];
    if (what === undefined || typeof arg !== 'object' || arg === null) return null;
    const file = (arg as { file?: unknown }).file;
    if (file === undefined) return `choose where to save the ${what} first`;
    if (typeof file !== 'string' || !this.chosen.has(file)) return `the ${what} can only be saved where the save dialog chose`;
    this.chosen.delete(file);
    return null;
  }
}
