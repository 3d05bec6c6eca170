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

/** An account of a trace (cli.md's `flow trace` JSON; the keys as the CLI prints them). */
export interface TraceAccount {
  readonly account: string;
  /** Layers from the start: forward, the payees' payees; backward, the payers' payers. */
  readonly layer: number;
  /** Money into the account within the trace (forward, for the start: everything it received). */
  readonly received: string;
  /** Money on to other accounts of the trace. */
  readonly sent: string;
  readonly cash_out: string;
  /** received − sent − cash_out: what stayed, or (negative) what came from its earlier balance. */
  readonly retained: string;
  readonly holder: string | null;
  /** Whether a statement of this account has been read (else: one to request). */
  readonly requested: boolean;
}

export interface TraceEdge {
  readonly from: string;
  readonly to: string;
  readonly amount: string;
  readonly count: number;
  readonly first: string;
  readonly last: string;
}

export interface Trace {
  readonly start: string;
  readonly direction: 'forward' | 'backward';
  readonly accounts: readonly TraceAccount[];
  readonly edges: readonly TraceEdge[];
  /**
   * Forward: money that reached the start from outside the trace, and where it went in all:
   * entered = cash_out + retained + beyond (paid to accounts of the last layer, not followed
   * further); `returned` came back to the start through the trace (a loop), kept apart.
   * Backward: beyond (paid into the trace by the accounts of the last layer, their own sources not
   * followed) = entered (what reached the start through the trace) + retained (what the accounts
   * in between kept of it); cash_out is the start's cash withdrawals after the first of it, and
   * `returned` what the start paid back into the trace.
   */
  readonly totals: {
    readonly entered: string;
    readonly cash_out: string;
    readonly retained: string;
    readonly beyond: string;
    readonly returned: string;
  };
}

/** An account to request next (未调单账户), store-wide: its statement has not been read. */
export interface NextRequest {
  readonly account: string;
  readonly holder: string | null;
  readonly bank: string | null;
  /** source: only pays into mule cards; transit: receives from them and pays on; sink: receives only. */
  readonly role: 'source' | 'transit' | 'sink';
  /** Received from mule cards (the rank), and paid into them. */
  readonly received: string;
  readonly paid: string;
  /** Distinct mule cards it received from or paid into. */
  readonly mules: number;
  /** The first and last of those transactions. */
  readonly first: string;
  readonly last: string;
}

/** One account in a finding of shared devices: how often the device paid from it, and when. */
export interface DeviceUse {
  readonly account: string;
  readonly holder: string | null;
  readonly requested: boolean;
  readonly transactions: number;
  readonly first: string;
  readonly last: string;
}

/** Accounts whose payments were made from one IP or MAC (one phone or PC running several cards). */
export interface DeviceLink {
  readonly kind: 'ip' | 'mac';
  readonly value: string;
  readonly accounts: readonly DeviceUse[];
  readonly transactions: number;
  readonly first: string;
  readonly last: string;
  /** The finding as one sentence (English, for the command line). */
  readonly evidence: string;
}

export interface LinkedAccount {
  readonly account: string;
  readonly holder: string | null;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly bank: string | null;
  readonly requested: boolean;
}

/** One holder behind several accounts: the same ID number, or the same name and phone. */
export interface HolderLink {
  readonly basis: readonly ('id_number' | 'name_phone')[];
  readonly names: readonly string[];
  readonly idNumbers: readonly string[];
  readonly phones: readonly string[];
  readonly accounts: readonly LinkedAccount[];
  readonly evidence: string;
}

/** A device used by more accounts than the cap: a gateway or NAT, set aside. */
export interface IgnoredDevice {
  readonly kind: 'ip' | 'mac';
  readonly value: string;
  readonly accounts: number;
}

export interface FlowLinks {
  readonly devices: readonly DeviceLink[];
  readonly holders: readonly HolderLink[];
  readonly ignored: readonly IgnoredDevice[];
  /** Devices used by more accounts than this are set aside. */
  readonly maxAccounts: number;
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
