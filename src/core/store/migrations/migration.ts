import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Equals its position in the list, starting at 1; stored as PRAGMA user_version. */
  readonly version: number;
  readonly name: string;
  /** SQL run inside the migration's transaction. */
  readonly up: string;
  /**
   * Work SQL cannot do (deriving stored rows again with the normaliser), run after `up` in the same
   * transaction. It runs the code of the Casegraph that migrates, so it writes what that version writes.
   */
  readonly run?: (db: Database.Database) => void;
}
