// The bundle's manifest (case-bundle.md): what is signed. Parsed strictly on the receiving side:
// a manifest that does not match this shape is a rejected bundle, whatever its signature says.
import { z } from 'zod';

export const BUNDLE_FORMAT = 'casegraph-case-bundle';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
export const SIGNATURE = 'manifest.sig';
export const SIGNER = 'signer.pem';
/** Entries every bundle has besides the three above, listed in its manifest. */
export const REQUIRED_LISTED = ['reports.ndjson', 'graph.graphml'] as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256');

export const manifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    format_version: z.number().int(),
    bureau: z.string().max(500),
    workstation: z.string().max(500),
    signer_fingerprint: sha256,
    created_at: z.string().max(64),
    case_id: z.string().max(200).nullable(),
    series_id: z.string().max(200),
    title: z.string().max(2000),
    counts: z
      .object({
        reports: z.number().int().min(0),
        identifiers: z.number().int().min(0),
        links: z.number().int().min(0),
        notes: z.number().int().min(0),
        // Present when the bundle carries the series' money flow (flow/*.csv, flow/flow.graphml).
        flow_accounts: z.number().int().min(0).optional(),
        flow_transactions: z.number().int().min(0).optional(),
      })
      .strict(),
    redaction: z.object({ level: z.enum(['none', 'victims']), hashes: z.enum(['hmac-sha256', 'none']) }).strict(),
    entries: z.array(z.object({ path: z.string().min(1).max(255), size: z.number().int().min(0), sha256 }).strict()).max(100),
  })
  .strict();

export type Manifest = z.infer<typeof manifestSchema>;
