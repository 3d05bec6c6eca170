export * from './corpus.d.mts';
