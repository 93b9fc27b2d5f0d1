import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { workerNodeArgsFor } from '../worker/cache-sizing';
import { replaceSlaPolicy } from '../desk/admin/policies';
import { rollOut } from '../desk/admin/sla-rollouts';
import { brocent24x7Policy } from '../domain/sla-seeds';
import { defaultRolloutSizes, rolloutWorkflowId, type RolloutProgress } from '../domain/sla-rollout';
import { migrate } from '../dev/migrate';
import { startLocalPostgres } from '../dev/postgres';
import { Cleanup, freePort, projectRoot } from '../dev/support';
import { startTemporalDevServer } from '../dev/temporal-dev-server';
import { temporalCliPath } from '../dev/tools';
import { createDb } from '../lib/db';
import { listenSmtp } from '../mail/smtp-listener';
import { validIntake } from '../test/support/intake';
import { registeredUpdate, rolloutProgressQuery } from '../workflows/messages';
import { DEFAULT_TASK_QUEUE } from '../workflows/task-queue';
import { ServiceProcess } from '../dev/service-process';
import { buildDeskForRun } from '../dev/desk-build';
import { pauseSome, resolutionClocksKept, type ClockBefore } from './rollout-clocks';

/**
 * `npm run rollout-demo`: a policy change rolled out to ROLLOUT_TICKETS (2,000) running tickets on a real dev
 * server, with the worker as its own process, killed with SIGKILL in the middle of the rollout and started
 * again. Checks that every ticket re-timed once, keeping its used minutes (a tenth of them paused, keeping their
 * pause), none is stuck, and no workflow task failed; prints the figures.
 */
const total = Number(process.env.ROLLOUT_TICKETS ?? 2000);
const parallel = Number(process.env.ROLLOUT_OPEN_PARALLEL ?? 25);
const log = (line: string) => console.log(`[rollout-demo] ${line}`);
const cleanup = new Cleanup();
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, limitMs = 600_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(250);
  }
}

let failed = false;
try {
  const dir = join(resolve(projectRoot, '.data'), `rollout-demo-${process.pid}`);
  await mkdir(dir, { recursive: true });
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const quiet = () => undefined;
  const postgres = await startLocalPostgres({
    dataDir: join(dir, 'postgres'),
    port: await freePort(),
    database: 'rollout',
    log: quiet,
  });
  cleanup.push(postgres.stop);
  await migrate(postgres.url);
  const temporal = await startTemporalDevServer({
    cliPath: await temporalCliPath(quiet),
    port: await freePort(),
    dbFile: join(dir, 'temporal.sqlite'),
    namespace: 'default',
    log: quiet,
  });
  cleanup.push(temporal.stop);
  const sink = await listenSmtp({ host: '127.0.0.1', port: 0, maxBytes: 1 << 20, onMail: async () => {} });
  cleanup.push(sink.close);

  const db = createDb(postgres.url, { max: 10 });
  cleanup.push(() => db.destroy());
  const connection = await Connection.connect({ address: temporal.address });
  cleanup.push(() => connection.close());
  const client = new Client({ connection });
  const workerEnv = {
    ...process.env,
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: 'default',
    LINK_SIGNING_SECRET: 'rollout-demo-link-secret-0123456789abcdef',
    SMTP_URL: `smtp://127.0.0.1:${sink.port}/?pool=true`,
    WORKER_METRICS_ADDRESS: '',
    LOG_LEVEL: 'warn',
  };
  const build = await buildDeskForRun(cleanup);
  const worker = new ServiceProcess(
    'worker',
    build.worker,
    workerEnv,
    dir,
    workerNodeArgsFor(workerEnv, build.worker),
  );
  cleanup.push(() => worker.close());
  worker.start();

  const terms: Partial<typeof brocent24x7Policy> = { ...brocent24x7Policy };
  delete terms.id;
  delete terms.calendar;
  const policyId = 'rollout-demo';
  await replaceSlaPolicy(db, policyId, { ...terms, name: 'Rollout demo', calendarId: 'brocent-24x7' });
  const organization = 'Rollout Demo Ltd';
  await db('organizations').insert({ id: 'rollout-demo-ltd', name: organization });
  await db('contracts').insert({ organization, sla_policy_id: policyId, valid_from: '2000-01-01' });

  log(`opening ${total} tickets, ${parallel} at a time, through the Temporal client`);
  const openedAt = Date.now();
  const numbers: string[] = [];
  const before = new Map<string, ClockBefore>();
  for (let first = 0; first < total; first += parallel) {
    const batch = Array.from({ length: Math.min(parallel, total - first) }, async (_, i) => {
      const number = `RD-${String(first + i + 1).padStart(5, '0')}`;
      const intake = validIntake({ organization });
      const receivedAt = new Date().toISOString();
      before.set(number, { receivedAt });
      const handle = await client.workflow.start('ticketWorkflow', {
        workflowId: number,
        taskQueue: DEFAULT_TASK_QUEUE,
        args: [{ open: { number, intake, priority: 'P3', receivedAt } }],
      });
      await handle.executeUpdate(registeredUpdate);
      return number;
    });
    numbers.push(...(await Promise.all(batch)));
  }
  log(`opened ${numbers.length} tickets in ${((Date.now() - openedAt) / 1000).toFixed(1)} s`);
  const onPolicy = `WorkflowType = "ticketWorkflow" AND SlaPolicy = "${policyId}" AND ExecutionStatus = "Running"`;
  await until('every ticket to be searchable', async () =>
    (await client.workflow.count(onPolicy)).count === total ? true : undefined,
  );
  const paused = await pauseSome(client, before, 10, parallel);
  log(`${paused} tickets waiting on the client, their clocks paused`);

  const changed = {
    ...terms,
    name: 'Rollout demo',
    calendarId: 'brocent-24x7',
    targets: {
      ...terms.targets,
      P3: { responseMinutes: 240, resolutionMinutes: 2880, statusUpdateMinutes: null },
    },
  };
  const startedAt = Date.now();
  const { item, revisedAt } = await replaceSlaPolicy(db, policyId, changed);
  const change = { kind: 'policy' as const, id: policyId, revision: item.revision };
  await rollOut({ client, taskQueue: DEFAULT_TASK_QUEUE }, change, revisedAt);
  log(
    `policy ${policyId} revision ${item.revision} stored; rollout started (${JSON.stringify(defaultRolloutSizes)})`,
  );

  const rollout = client.workflow.getHandle(rolloutWorkflowId(change));
  const progress = () => rollout.query(rolloutProgressQuery);
  const midway = await until('the rollout to be under way', async () => {
    const p = await progress();
    return p.retimed >= total / 3 ? p : undefined;
  });
  await worker.kill9();
  log(`worker killed with SIGKILL mid-rollout (${midway.retimed} of ${total} signalled)`);
  await sleep(1000);
  worker.start();
  log('worker started again');

  const final: RolloutProgress = await rollout.result();
  const stale = `${onPolicy} AND SlaPolicyRevision < ${item.revision}`;
  await until('every ticket to re-time', async () =>
    (await client.workflow.count(stale)).count === 0 ? true : undefined,
  );
  const retimedMs = Date.now() - startedAt;
  const events = await until('the projection to hold every re-timing', async () => {
    const [row] = await db('ticket_events').where({ type: 'sla-retimed' }).count<{ count: string }[]>();
    return Number(row!.count) >= total ? Number(row!.count) : undefined;
  });

  const clocks = await resolutionClocksKept(db, before, 2880);
  for (const line of clocks.notKept.slice(0, 5)) log(`clock not kept: ${line}`);

  let taskFailures = 0;
  let nondeterministic = 0;
  const histories = [...numbers.map((n) => client.workflow.getHandle(n))];
  for await (const run of client.workflow.list({ query: `WorkflowId = "${rollout.workflowId}"` })) {
    histories.push(client.workflow.getHandle(run.workflowId, run.runId));
  }
  for (let first = 0; first < histories.length; first += 20) {
    await Promise.all(
      histories.slice(first, first + 20).map(async (handle) => {
        for (const event of (await handle.fetchHistory()).events ?? []) {
          const failure = event.workflowTaskFailedEventAttributes;
          if (!failure) continue;
          taskFailures += 1;
          const cause = proto.temporal.api.enums.v1.WorkflowTaskFailedCause;
          if (failure.cause === cause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR)
            nondeterministic += 1;
        }
      }),
    );
  }
  const stuck = (await client.workflow.count(stale)).count;
  const seconds = retimedMs / 1000;
  console.log(
    [
      '',
      `tickets                     ${total}`,
      `rollout                     ${JSON.stringify({ ...final, change: undefined })}`,
      `worker SIGKILLed after      ${midway.retimed} signalled; started again 1 s later`,
      `re-timed (search attribute) ${total - stuck}; stuck ${stuck}`,
      `sla-retimed events          ${events}`,
      `used minutes kept           ${clocks.usedKept} running; paused ${clocks.pausedKept} of ${paused}; lost ${clocks.notKept.length}`,
      `workflow task failures      ${taskFailures} (nondeterministic ${nondeterministic})`,
      `time to re-time             ${seconds.toFixed(1)} s (change stored → last ticket re-timed)`,
      `per second                  ${(total / seconds).toFixed(0)} tickets`,
      '',
    ].join('\n'),
  );
  failed =
    stuck !== 0 ||
    events !== total ||
    clocks.notKept.length !== 0 ||
    clocks.usedKept + clocks.pausedKept !== total ||
    nondeterministic !== 0 ||
    final.retimed !== total ||
    final.failed !== 0;
  log(failed ? 'FAILED' : 'every ticket re-timed once; none stuck; no nondeterminism');
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await cleanup.run(log);
}
process.exit(failed ? 1 : 0);
