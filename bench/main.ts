import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Cleanup, projectRoot } from '../dev/support';
import { parseBenchArguments, usage, UsageError } from './arguments';
import { startBenchDesk } from './desk';
import { describeMachine, formatMachine, withLoadNow } from './machine';
import { formatResult, writeResults } from './report';
import type { BenchDesk, ScenarioResult } from './scenario';
import { scenarios } from './scenarios';

/** `npm run bench -- [scenario…] [--tickets N] [--concurrency N]` */
const known = scenarios.map((scenario) => scenario.name);
let options;
try {
  options = parseBenchArguments(process.argv.slice(2), known);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n${usage(known)}`);
  process.exit(2);
}
const chosen = scenarios.filter((s) => (options.names.length ? options.names.includes(s.name) : s.byDefault));
// A worker the bench runs itself (intake's floor) would fill the figures with the SDK's progress lines.
Runtime.install({ logger: new DefaultLogger('WARN') });
const resultsDir = join(projectRoot, 'bench/results');
const log = (line: string) => console.log(`[bench] ${line}`);

const cleanup = new Cleanup();
let stopping = false;
async function stop(code: number, reason?: string): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (reason) console.error(reason);
    await cleanup.run(log);
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(130, 'interrupted: stopping every process the bench started'));
process.on('SIGTERM', () => void stop(143, 'terminated: stopping every process the bench started'));

let failed = 0;
try {
  log(`scenarios: ${chosen.map((s) => s.name).join(', ') || 'none'}`);
  const desk = await startBenchDesk(log, cleanup);
  const machine = await describeMachine(desk.db);
  console.log(formatMachine(machine));
  for (const scenario of chosen) {
    console.log(`\n== ${scenario.name}: ${scenario.summary}`);
    try {
      const result = await withMemory(desk, await scenario.run(desk, options, log));
      console.log(`\n${formatResult(result)}\n`);
      const written = await writeResults(resultsDir, scenario.name, withLoadNow(machine), result);
      log(`wrote ${written.map((path) => path.slice(projectRoot.length)).join(', ')}`);
    } catch (error) {
      failed += 1;
      console.error(
        `scenario ${scenario.name} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    }
  }
  console.log(`\n${formatMachine(withLoadNow(machine))}`);
} catch (error) {
  await stop(1, `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
await stop(failed > 0 ? 1 : 0);

/** Each desk process's memory after the scenario, beside its figures: a leak shows as growth run over run. */
async function withMemory(desk: BenchDesk, result: ScenarioResult): Promise<ScenarioResult> {
  const mib = async (p: { rss(): Promise<number> }) => ((await p.rss()) / 2 ** 20).toFixed(0);
  const note = `resident memory after the scenario: worker ${await mib(desk.worker)} MiB, API ${await mib(desk.api)} MiB`;
  return { ...result, notes: [...result.notes, note] };
}
