// Runtime schemas for every API argument. Both transports hand the backend untrusted input
// (IPC from a renderer, HTTP from a browser): it is parsed here before any handler sees it.
import { z } from 'zod';
import type { ApiMethod } from './api';
import { CATEGORIES } from './model';

const empty = z.object({}).strict();
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'must be a decimal with at most 2 decimals');
const sourceId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Visible ASCII only: what an Authorization header can carry as it is.
const token = z.string().min(1).max(4096).regex(/^[\x21-\x7e]+$/, 'must be visible ASCII characters without spaces');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

export const settingsSchema = z
  .object({
    language: z.enum(['zh-CN', 'en']),
    theme: z.enum(['light', 'dark']),
    thresholdAmount: decimal,
    thresholdCurrency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like CNY'),
    lookbackDays: z.number().int().min(1).max(36500),
    syncIntervalMinutes: z.number().int().min(0).max(1440),
  })
  .strict();

export const API_SCHEMAS = {
  'store.info': empty,
  'reports.query': z
    .object({
      text: z.string().max(500).optional(),
      categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).optional(),
      from: day.optional(),
      to: day.optional(),
      minLoss: decimal.optional(),
      maxLoss: decimal.optional(),
      includeWithdrawn: z.boolean().optional(),
      sort: z.enum(['reported_at', 'loss', 'id']).optional(),
      desc: z.boolean().optional(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    })
    .strict(),
  'reports.get': z.object({ id: z.string().min(1).max(128) }).strict(),
  'quarantine.list': z.object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }).strict(),
  'settings.get': empty,
  'settings.update': settingsSchema.partial(),
  'import.start': z.object({ files: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
  'demo.start': z
    .object({ reports: z.number().int().min(1).max(5_000_000).optional(), seed: z.number().int().min(0).max(2 ** 32 - 1).optional() })
    .strict(),
  'job.cancel': z.object({ jobId: z.string().min(1).max(64) }).strict(),
  'job.current': empty,
  'link.start': z.object({ full: z.boolean().optional() }).strict(),
  'sources.list': empty,
  'sources.add': z.object({ url: z.string().min(1).max(2048), precinct: z.string().min(1).max(128), token }).strict(),
  'sources.setToken': z.object({ sourceId, token }).strict(),
  'sources.remove': z.object({ sourceId }).strict(),
  'sources.runs': z.object({ sourceId, limit: z.number().int().min(1).max(500) }).strict(),
  'sync.start': z.object({ sourceId }).strict(),
} satisfies Record<ApiMethod, z.ZodType>;

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API_SCHEMAS, name);
}

/** One line naming what is wrong with an argument, for the investigator or the caller. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : 'argument'} ${i.message}`)
    .join('; ');
}
