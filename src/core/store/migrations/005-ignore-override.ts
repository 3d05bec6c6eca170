// Investigators may turn off one of the shipped ignore-list defaults in their store (a hotline
// number a gang spoofs, say). Such a row keeps the value with ignored = 0; investigators' own
// entries are ignored = 1. The shipped defaults themselves never live in the store.
import type { Migration } from './migration';

export const m005IgnoreOverride: Migration = {
  version: 5,
  name: 'ignore-override',
  up: `
    ALTER TABLE ignore_value ADD COLUMN ignored INTEGER NOT NULL DEFAULT 1 CHECK (ignored IN (0, 1));
  `,
};
