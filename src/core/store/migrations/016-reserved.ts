// Schema version 16 is held for a change made beside this one (the statement import's own
// schema); it changes nothing by itself, so that 017 follows a complete list. Where that change
// lands, its migration takes this place in the list.
import type { Migration } from './migration';

export const m016Reserved: Migration = {
  version: 16,
  name: 'reserved',
  up: '',
};
