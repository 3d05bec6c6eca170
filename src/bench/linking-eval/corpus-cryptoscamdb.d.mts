export * from './corpus.d.mts';
export declare function readBlacklist(
  text: string,
): { name?: string; url?: string; category?: string; subcategory?: string; addresses?: Record<string, string[]> }[];
export declare function addressKey(address: string): string;
