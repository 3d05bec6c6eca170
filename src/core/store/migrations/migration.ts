export interface Migration {
  /** Equals its position in the list, starting at 1; stored as PRAGMA user_version. */
  readonly version: number;
  readonly name: string;
  /** SQL run inside the migration's transaction. */
  readonly up: string;
}
