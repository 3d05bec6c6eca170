// Runtime schemas for every API argument. Both transports hand the backend untrusted input
// (IPC from a renderer, HTTP from a browser): it is parsed here before any handler sees it.
import { z } from 'zod';
import type { ApiArg, ApiMethod } from './api';
import { CASE_STATUSES, CATEGORIES, REFERENCE_CATEGORIES } from './model';

const empty = z.object({}).strict();
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'must be a decimal with at most 2 decimals');
const sourceId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
// Visible ASCII only: what an Authorization header can carry as it is.
const token = z
  .string()
  .min(1)
  .max(4096)
  .regex(/^[\x21-\x7e]+$/, 'must be visible ASCII characters without spaces');
const seriesId = z.string().min(1).max(128);
const reportId = z.string().min(1).max(128);
const reason = z.string().trim().min(1, 'must say why').max(2000);
const suggestionId = z.string().min(1).max(64);
const caseStatus = z.enum(CASE_STATUSES);
const identifierKind = z.string().min(1).max(32);
const identifierValue = z.string().min(1).max(2048);
const filePath = z.string().min(1).max(4096);
const passphrase = z.string().min(1, 'must not be empty').max(1024);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
// An instant with its zone: Z (as the store records them) or an offset.
const instant = z.iso.datetime({ offset: true, message: 'must be an instant YYYY-MM-DDTHH:MM:SS(.sss) with Z or an offset' });

export const settingsSchema = z
  .object({
    language: z.enum(['zh-CN', 'en']),
    theme: z.enum(['light', 'dark']),
    thresholdAmount: decimal,
    thresholdCurrency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like CNY'),
    lookbackDays: z.number().int().min(1).max(36500),
    syncIntervalMinutes: z.number().int().min(0).max(1440),
    bureauName: z.string().trim().max(200).optional(),
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
    .object({
      reports: z.number().int().min(1).max(5_000_000).optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 32 - 1)
        .optional(),
    })
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
  'overview.get': empty,
  'series.query': z
    .object({
      text: z.string().max(500).optional(),
      overThreshold: z.boolean().optional(),
      onlyTogether: z.boolean().optional(),
      categories: z.array(z.enum(CATEGORIES)).max(CATEGORIES.length).optional(),
      status: z.enum([...CASE_STATUSES, 'none']).optional(),
      sort: z.enum(['loss', 'reports', 'victims', 'last', 'first', 'id']).optional(),
      desc: z.boolean().optional(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    })
    .strict(),
  'series.get': z.object({ id: seriesId }).strict(),
  'flow.series': z.object({ id: seriesId }).strict(),
  'flow.shared': empty,
  'flow.trace': z
    .object({
      account: z.string().min(1).max(64),
      direction: z.enum(['forward', 'backward']),
      depth: z.number().int().min(1).max(20).optional(),
      windowHours: z
        .number()
        .positive()
        .max(24 * 365)
        .optional(),
      tolerance: z.number().min(0).max(1).optional(),
    })
    .strict(),
  'flow.next': z.object({ limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  'flow.links': z.object({ seriesId: seriesId.optional() }).strict(),
  'flow.export': z
    .object({
      seriesId,
      account: z.string().min(1).max(64).optional(),
      format: z.enum(['xlsx', 'csv', 'graphml']),
      file: filePath.optional(),
    })
    .strict(),
  'statements.import': z.object({ files: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
  'series.graph': z.object({ id: seriesId, expand: z.array(z.string().min(1).max(2100)).max(500).optional() }).strict(),
  'series.explain': z.object({ a: reportId, b: reportId }).strict(),
  'series.split': z.object({ reportId, reason }).strict(),
  'series.merge': z.object({ a: seriesId, b: seriesId, reason }).strict(),
  'series.markWrong': z
    .object({ reportId, otherReportId: reportId.optional(), kind: identifierKind, value: identifierValue, reason })
    .strict(),
  'series.revokeCorrection': z.object({ id: z.number().int().positive(), reason }).strict(),
  'suggestions.query': z
    .object({
      series: seriesId.optional(),
      status: z.enum(['open', 'accepted', 'rejected']).optional(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    })
    .strict(),
  'suggestions.accept': z.object({ id: suggestionId, reason }).strict(),
  'suggestions.reject': z.object({ id: suggestionId, reason }).strict(),
  'suggestions.revoke': z.object({ id: suggestionId, reason }).strict(),
  'reports.revealVictim': z.object({ id: reportId }).strict(),
  'ignore.list': empty,
  'ignore.set': z
    .object({ kind: identifierKind, value: identifierValue, ignored: z.boolean(), note: z.string().max(500).optional() })
    .strict(),
  'ignore.remove': z.object({ kind: identifierKind, value: identifierValue }).strict(),
  'references.list': empty,
  'references.set': z
    .object({
      domain: identifierValue,
      enabled: z.boolean(),
      category: z.enum(REFERENCE_CATEGORIES).optional(),
      note: z.string().max(500).optional(),
    })
    .strict(),
  'references.remove': z.object({ domain: identifierValue, note: z.string().max(500).optional() }).strict(),
  'cases.list': z.object({ status: caseStatus.optional() }).strict(),
  'cases.get': z.object({ id: z.string().min(1).max(64) }).strict(),
  'cases.create': z
    .object({
      title: z.string().trim().min(1, 'must not be empty').max(200),
      series: z.array(seriesId).min(1).max(100),
      assignee: z.string().trim().max(100).optional(),
    })
    .strict(),
  'cases.update': z
    .object({
      id: z.string().min(1).max(64),
      title: z.string().trim().min(1, 'must not be empty').max(200).optional(),
      status: caseStatus.optional(),
      assignee: z.string().trim().max(100).nullable().optional(),
      addSeries: z.array(seriesId).max(100).optional(),
      removeSeries: z.array(seriesId).max(100).optional(),
    })
    .strict(),
  'cases.addNote': z.object({ id: z.string().min(1).max(64), text: z.string().trim().min(1, 'must not be empty').max(20000) }).strict(),
  'audit.query': z
    .object({
      action: z.string().max(64).optional(),
      actor: z.string().max(128).optional(),
      text: z.string().max(500).optional(),
      since: instant.optional(),
      before: instant.optional(),
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(1000),
    })
    .strict(),
  'bundle.export': z
    .object({ seriesId, caseId: z.string().min(1).max(64).optional(), redact: z.boolean(), file: filePath.optional() })
    .strict(),
  'bundle.verify': z.object({ file: filePath }).strict(),
  'bundle.import': z.object({ file: filePath }).strict(),
  'bundle.imports': empty,
  'keys.get': empty,
  'sharingKey.set': z.object({ key: z.string().min(16, 'must be at least 16 characters').max(1024).nullable() }).strict(),
  'trust.list': empty,
  'trust.add': z
    .object({ publicPem: z.string().min(1).max(10_000), name: z.string().trim().min(1, 'must not be empty').max(200) })
    .strict(),
  'trust.remove': z.object({ fingerprint: z.string().min(1).max(200) }).strict(),
  'store.status': empty,
  'store.unlock': z.object({ passphrase: passphrase }).strict(),
  'store.create': z.object({ passphrase: passphrase }).strict(),
  'store.changePassphrase': z.object({ current: z.string().max(1024), next: passphrase }).strict(),
  'store.backup': z.object({ passphrase: passphrase, file: filePath.optional() }).strict(),
  'store.backups': empty,
  'store.restore': z.object({ file: filePath, passphrase: passphrase }).strict(),
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

// The schemas and the contract's argument types cannot drift apart: a schema whose output is not
// its method's argument type — a property missing, added or of another type, at any depth — is a
// compile error naming the method. Compared without readonly and with every property required
// (whether one is optional is left to the schema).
type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { -readonly [K in keyof T]-?: Plain<Exclude<T[K], undefined>> }
    : T;
/** Whether a schema's output and an argument type say the same (true or false). */
export type Same<A, B> = [Plain<A>] extends [Plain<B>] ? ([Plain<B>] extends [Plain<A>] ? true : false) : false;
/** The methods whose schema says something else than their argument type. */
export type DriftedMethods = { [M in ApiMethod]: Same<z.output<(typeof API_SCHEMAS)[M]>, ApiArg<M>> extends true ? never : M }[ApiMethod];
export const SCHEMAS_MATCH_CONTRACT: [DriftedMethods] extends [never] ? true : DriftedMethods = true;
