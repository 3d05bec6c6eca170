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
