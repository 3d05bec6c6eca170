import type { Suggestion } from '../../common/api';
import { AnalysisError } from '../../core/analysis/analysis-error';
import { signedBits } from '../../common/evidence-format';
import { evidenceSentence } from '../../core/linking/evidence-text';
import { acceptSuggestion, querySuggestions, rejectSuggestion, revokeSuggestion } from '../../core/analysis/suggestions';
import { thresholdRule } from '../../core/linking/threshold-setting';
import { openStore } from '../../core/store/db';
import { CliError, UsageError, type Command, type CommandContext } from '../cli-kit';
import { linkCommand } from './link';

const STATUSES = ['open', 'accepted', 'rejected'] as const;
type Status = (typeof STATUSES)[number];

const USAGE = [
  'casegraph suggestions [--json] [--series ID] [--status open|accepted|rejected] [--db PATH]',
  '       casegraph suggestions accept ID --reason TEXT [--json] [--db PATH]',
  '       casegraph suggestions reject ID --reason TEXT [--json] [--db PATH]',
  '       casegraph suggestions revoke ID --reason TEXT [--json] [--db PATH]',
  '',
  'Leads the engine does not act on alone (similar text, time, brand or sender, a shared domain),',
  'strongest first; those that would bring a series over the filing threshold come first.',
  "accept: the two series become one (an investigator's merge); reject: never suggested again",
  'between those series; revoke: undo either. Each is recorded with who and why, then linked.',
].join('\n');

/** The analysis' expected failures (an unknown id, a decision already made) as one-line errors. */
function expected<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof AnalysisError) throw new CliError(e.message);
    throw e;
  }
}

/** A suggestion as `--json` prints it (cli.md: id, series, reports, score, evidence sentences). */
function jsonOf(s: Suggestion, currency: string): Record<string, unknown> {
  return {
    id: s.id,
    series: s.series,
    reports: s.reports,
    score: s.score,
    probability: s.probability,
    evidence: s.evidence.map(evidenceSentence),
    terms: s.evidence,
    sizes: s.sizes,
    currency,
    losses: s.losses,
    combined_loss: s.combinedLoss,
    crosses_threshold: s.crossesThreshold,
    status: s.status,
    decision: s.decision,
  };
}

function table(ctx: CommandContext, rows: readonly Suggestion[], currency: string): void {
  const cells = rows.map((s) => [
    s.id,
    `${s.series[0]} + ${s.series[1]}`,
    `${s.sizes[0]} + ${s.sizes[1]}`,
    `${s.combinedLoss} ${currency}`,
    `${signedBits(s.score)} bits`,
    `${(s.probability * 100).toFixed(1)}%`,
    [s.crossesThreshold ? 'would reach the threshold' : '', s.status === 'open' ? '' : `${s.status} by ${s.decision?.actor ?? '?'}`]
      .filter((x) => x !== '')
      .join('; '),
  ]);
  const head = ['ID', 'SERIES', 'REPORTS', 'LOSS', 'SCORE', 'P', ''];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: readonly string[]): string =>
    c
      .map((x, i) => (i === 3 || i === 4 || i === 5 ? x.padStart(width[i] as number) : x.padEnd(width[i] as number)))
      .join('  ')
      .trimEnd();
  ctx.out(line(head));
  rows.forEach((s, k) => {
    ctx.out(line(cells[k] as string[]));
    ctx.out(`    reports ${s.reports[0]} and ${s.reports[1]}`);
    for (const e of s.evidence) ctx.out(`    ${evidenceSentence(e)}`);
    if (s.decision) ctx.out(`    ${s.status} ${s.decision.at}: ${s.decision.reason}`);
  });
}

function list(ctx: CommandContext): void {
  const status = ctx.values['status'];
  if (status !== undefined && !(STATUSES as readonly unknown[]).includes(status))
    throw new UsageError(`--status must be open, accepted or rejected, got ${JSON.stringify(status)}`);
  const series = typeof ctx.values['series'] === 'string' ? ctx.values['series'] : undefined;
  const db = openStore(ctx.db, { readonly: true });
  try {
    const page = expected(() =>
      querySuggestions(db, {
        ...(series !== undefined ? { series } : {}),
        ...(status !== undefined ? { status: status as Status } : {}),
        offset: 0,
        limit: Number.MAX_SAFE_INTEGER,
      }),
    );
    const currency = thresholdRule(db).currency;
    if (ctx.json) {
      ctx.out(JSON.stringify(page.rows.map((s) => jsonOf(s, currency))));
      return;
    }
    if (page.rows.length === 0) {
      ctx.err(`no ${status ?? 'open'} suggestions${series !== undefined ? ` for ${series}` : ''}`);
      return;
    }
    table(ctx, page.rows, currency);
    ctx.err(
      `${page.total} ${status ?? 'open'} suggestion${page.total === 1 ? '' : 's'}, ${page.crossing} would bring a series over the filing threshold`,
    );
  } finally {
    db.close();
  }
}

const DONE = {
  accept: (s: Suggestion) =>
    `accepted ${s.id}: ${s.series[0]} and ${s.series[1]} become one series (merge correction #${s.decision?.correction ?? '?'}); linking now`,
  reject: (s: Suggestion) => `rejected ${s.id}: ${s.series[0]} and ${s.series[1]} are not suggested together again; linking now`,
  revoke: (s: Suggestion) => `revoked the decision on ${s.id} (${s.series[0]} and ${s.series[1]}); it is open again; linking now`,
} as const;

async function decide(ctx: CommandContext, verb: 'accept' | 'reject' | 'revoke', id: string): Promise<void> {
  const reason = ctx.values['reason'];
  if (typeof reason !== 'string' || reason.trim() === '')
    throw new UsageError(`suggestions ${verb} needs --reason TEXT: say why, it is recorded with the decision`);
  const db = openStore(ctx.db);
  let done: Suggestion;
  let currency: string;
  try {
    const act = verb === 'accept' ? acceptSuggestion : verb === 'reject' ? rejectSuggestion : revokeSuggestion;
    done = expected(() => act(db, id, reason));
    currency = thresholdRule(db).currency;
  } finally {
    db.close();
  }
  if (!ctx.json) ctx.out(DONE[verb](done));
  // The series as the decision makes them: an acceptance joins them, a revocation may part them,
  // and the engine reads rejections so as not to suggest them again.
  await linkCommand.run({ ...ctx, values: {}, positionals: [], json: false, out: ctx.json ? () => {} : ctx.out });
  if (ctx.json) ctx.out(JSON.stringify(jsonOf(done, currency)));
}

export const suggestionsCommand: Command = {
  name: 'suggestions',
  summary: 'the leads the engine does not act on alone, strongest first; accept, reject or revoke one (with a reason)',
  usage: USAGE,
  options: { series: { type: 'string' }, status: { type: 'string' }, reason: { type: 'string' } },
  async run(ctx) {
    const [sub, id, ...extra] = ctx.positionals;
    if (sub === undefined) {
      if (ctx.values['reason'] !== undefined) throw new UsageError('--reason goes with accept, reject and revoke');
      list(ctx);
      return;
    }
    if (sub !== 'accept' && sub !== 'reject' && sub !== 'revoke')
      throw new UsageError(`unknown suggestions subcommand "${sub}"; accept, reject or revoke (or none, to list)`);
    if (id === undefined || extra.length > 0) throw new UsageError(`suggestions ${sub} takes exactly one suggestion ID`);
    if (ctx.values['series'] !== undefined || ctx.values['status'] !== undefined)
      throw new UsageError('--series and --status go with the list');
    await decide(ctx, sub, id);
  },
};
