// The proportions the demo precinct is built from, in one place: the linking engine's
// evaluation can state what a corpus contained, and a reader can see what "realistic" means here.

export const DEMO_KNOBS = {
  /** Share of reports filed against a gang (the rest are lone frauds). */
  gangShare: 0.67,
  /** Gang sizes follow P(size = s) ∝ s^-exponent for s in 2..maxGangSize: many of 2–5, a few of 20–200. */
  gangSizeExponent: 2,
  maxGangSize: 200,
  /** A small corpus should not be one gang: sizes are capped at this fraction of the reports. */
  maxGangFractionOfCorpus: 0.125,
  /** Gangs working two scam types (e.g. order brushing that turns into fake investment). */
  twoCategoryGangs: 0.2,
  /** The longest a gang works; a gang of s reports lives about s^0.75 × 3–9 days (weeks to months). */
  maxGangLifeDays: 365,
  /** Gangs renting a mule card that another gang also uses. */
  muleRentRate: 0.06,
  /** Reports corrected later by a version 2 (loss and narrative). */
  revisionRate: 0.03,
  /** Reports withdrawn later (a tombstone). */
  withdrawRate: 0.003,
  /** Attempted frauds: loss null or "0.00". */
  attemptedRate: 0.04,
  /** Reports with an SMS whose evidence is only inside the SMS text: the identifiers list is empty or absent. */
  textOnlyRate: 0.35,
  /** Reports too vague to carry any evidence ("被骗5000元，对方已拉黑"). */
  vagueRate: 0.02,
  /** Identifier values written in a non-canonical form (spaces, +86, full-width digits, HTTP://WWW.). */
  messyRate: 0.45,
  /** Reports quoting a hub value: a bank's real hotline, a big platform's domain, 110, the anti-fraud app. */
  hubRate: 0.12,
  /** Victims listing their own bank card among the fraudster's identifiers. */
  ownCardRate: 0.03,
  /** Prize and points SMS sent through a fake base station, showing the bank's real number as sender. */
  spoofedSenderRate: 0.3,
} as const;
