// Reserved: migration 011 belongs to the linking engine's work on another branch, and replaces this
// file when the branches are merged. It stands here only so that the list stays numbered 1..n on
// this branch (openStore refuses a list with a gap); it changes nothing.
import type { Migration } from './migration';

export const m011Reserved: Migration = {
  version: 11,
  name: 'reserved',
  up: '',
};
