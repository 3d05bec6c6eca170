// Standalone reference feed, for demos: `node test/feed-server/serve.mjs --file reports.ndjson
// --precinct NJ-XUANWU --token demo-token [--port 8787] [--ragged] [--replay P] [--faults P] [--seed S]`.
import { parseArgs } from 'node:util';
import { randomFaults } from './faults';
import { startFeedServer } from './feed-server';
import { readNdjson } from './fixtures';

export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      file: { type: 'string' },
      precinct: { type: 'string' },
      token: { type: 'string' },
      port: { type: 'string' },
      ragged: { type: 'boolean' },
      replay: { type: 'string' },
      faults: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      gzip: { type: 'boolean' },
    },
  });
  if (!values.file || !values.precinct || !values.token) {
    process.stderr.write(
      'usage: serve.mjs --file F.ndjson --precinct P --token T [--port N] [--ragged] [--replay P] [--faults P] [--seed S] [--latency MS] [--gzip]\n',
    );
    process.exitCode = 2;
    return;
  }
  const seed = Number(values.seed ?? 1);
  const faultRate = Number(values.faults ?? 0);
  const replay = Number(values.replay ?? 0);
  const server = await startFeedServer({
    feeds: { [values.precinct]: readNdjson(values.file) },
    tokens: { [values.token]: [values.precinct] },
    port: Number(values.port ?? 0),
    seed,
    ragged: values.ragged === true,
    gzip: values.gzip === true,
    latencyMs: Number(values.latency ?? 0),
    ...(replay > 0 ? { replay: { probability: replay, maxBack: 50 } } : {}),
    ...(faultRate > 0
      ? {
          faults: randomFaults({
            seed,
            rate: faultRate,
            faults: [
              { kind: 'status', status: 503, retryAfter: '1' },
              { kind: 'status', status: 500 },
              { kind: 'reset' },
              { kind: 'reset-mid-body' },
            ],
          }),
        }
      : {}),
  });
  process.stderr.write(`reference feed for ${values.precinct} at ${server.url} (Ctrl-C to stop)\n`);
  process.stdout.write(`${server.url}\n`);
  process.once('SIGINT', () => void server.close().then(() => process.exit(0)));
}
