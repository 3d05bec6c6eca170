// The shape every corpus-*.mjs module has, for the TypeScript tests that import them.
export interface Source {
  read(file: string): Buffer;
  list(prefix?: string): string[];
  provenance(): unknown;
}
export interface Built {
  reports: Record<string, unknown>[];
  truth: Record<string, string>;
  stats: Record<string, unknown>;
  truthRule: string;
  withdrawn?: string[];
}
export declare const NAME: string;
export declare const REPO: string | null;
export declare const VERSION: number;
export declare function build(source: Source | null, options?: Record<string, unknown>): Built;
