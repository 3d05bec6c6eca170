// The API contract: bank statements and the money flow of a series. Combined in ../api.ts.
// Amounts are decimal strings in the statement's currency (CNY); accounts are normalised as
// report identifiers are.

export interface FlowAccount {
  readonly account: string;
  /** The first layer a trace from the series' cards reaches it at (0: a card the reports name). */
  readonly layer: number;
  readonly received: string;
  readonly sent: string;
  readonly cashOut: string;
  readonly holder: string | null;
  /** Whether its statement has been read. */
  readonly requested: boolean;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly amount: string;
  readonly count: number;
  readonly first: string;
  readonly last: string;
}

/** An account whose statement has not been read yet, ranked by money received from the traced accounts. */
export interface AccountToRequest {
  readonly account: string;
  readonly received: string;
  /** source: only pays into traced accounts; transit: receives and pays on; sink: receives only. */
  readonly role: 'source' | 'transit' | 'sink';
  readonly holder: string | null;
}

export interface FlowTxnView {
  readonly from: string | null;
  readonly to: string | null;
  readonly amount: string;
  readonly at: string;
  readonly cash: boolean;
  readonly summary: string | null;
}

export interface SeriesFlow {
  readonly seriesId: string;
  /** The series' cards and accounts that statements name (its reports' payee cards and accounts). */
  readonly cards: readonly string[];
  readonly accounts: readonly FlowAccount[];
  readonly edges: readonly FlowEdge[];
  /** Money into the cards from outside, and where it went: cash, kept, beyond the traced layers. */
  readonly totals: { readonly entered: string; readonly cashOut: string; readonly retained: string; readonly beyond: string };
  /** The transactions of the traced edges and cash-outs, in time order (at most `limit`). */
  readonly transactions: readonly FlowTxnView[];
  readonly toRequest: readonly AccountToRequest[];
  /** Downstream accounts this series shares with other series (two gangs paying into one laundering account). */
  readonly shared: readonly { readonly account: string; readonly series: readonly string[] }[];
}

export interface StatementImportView {
  readonly new: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly files: readonly {
    readonly file: string;
    readonly encoding: string | null;
    readonly rows: number;
    readonly alreadyImported: boolean;
  }[];
  readonly rejections: readonly {
    readonly file: string;
    readonly sheet: string;
    readonly row: number;
    readonly field: string;
    readonly reason: string;
  }[];
}

/** Downstream accounts common to several series, for the overview. */
export interface SharedAccount {
  readonly account: string;
  readonly series: readonly string[];
  readonly received: string;
}

/** A money flow written from the workspace (xlsx, csv or GraphML, as `casegraph flow trace --out` writes it). */
export interface FlowExportView {
  /** The path written (desktop app), or the download's file name (browser host). */
  readonly file: string;
  /** Browser host: fetch it from the client's downloadUrl(downloadId). */
  readonly downloadId: string | null;
  readonly format: 'xlsx' | 'csv' | 'graphml';
  readonly accounts: number;
  readonly flows: number;
  /** The exported trace's totals (for the series' flow, those the workspace shows). */
  readonly totals: { readonly entered: string; readonly cashOut: string; readonly retained: string; readonly beyond: string };
}
