export * from './corpus.d.mts';
export declare function isMask(value: string): boolean;
export declare function identifiersIn(text: string): string[];
