import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { seedDemoDesk } from '../dev/demo-desk';
import { healthy, startDeskProcesses, waitFor } from '../dev/desk-processes';
import type { ServiceProcess } from '../dev/service-process';
import { Cleanup } from '../dev/support';
import { createDb } from '../lib/db';
import { listenSmtp } from '../mail/smtp-listener';
import { DEFAULT_TASK_QUEUE } from '../workflows/task-queue';
import type { BenchDesk, BenchLog, BenchProcess } from './scenario';

/**
 * The desk every scenario of a run shares: PostgreSQL, Temporal on an SQLite file, one worker, one API and the
 * mail process, each a process of its own. The recipients' mail server is the bench's: it only counts letters,
 * so its work is not measured as the desk's. Each step's undoing goes on `cleanup` as soon as it is done, so an
 * interrupt while the desk is still starting stops what already runs.
 */
export async function startBenchDesk(log: BenchLog, cleanup: Cleanup): Promise<BenchDesk> {
  const dir = await mkdtemp(join(tmpdir(), 'ticketflow-bench-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  // PostgreSQL runs as `nobody` when we are root and must reach its data directory inside.
  await chmod(dir, 0o755);

  let letters = 0;
  const recipients = await listenSmtp({
    host: '127.0.0.1',
    port: 0,
    maxBytes: 1 << 20,
    onMail: async () => void letters++,
  });
  cleanup.push(recipients.close);

  log(`starting PostgreSQL, Temporal, the worker, the API and the mail process (logs in ${dir})`);
  const processes = await startDeskProcesses({
    dir,
    upstreamSmtpUrl: `smtp://127.0.0.1:${recipients.port}/?pool=true`,
    linkSecret: 'bench-link-secret-0123456789abcdefghijkl',
    workers: 1,
    apis: 1,
    log,
  });
  cleanup.push(processes.close);
  const db = createDb(processes.databaseUrl, { max: 20 });
  cleanup.push(() => db.destroy());
  const connection = await Connection.connect({ address: processes.temporalAddress });
  cleanup.push(() => connection.close());
  const apiUrl = processes.apiUrls[0]!;
  const client = new Client({ connection, namespace: processes.namespace });
  const worker = processes.workers[0]!;

  return {
    dir,
    databaseUrl: processes.databaseUrl,
    db,
    client,
    temporalAddress: processes.temporalAddress,
    namespace: processes.namespace,
    taskQueue: DEFAULT_TASK_QUEUE,
    apiUrl,
    people: await seedDemoDesk(db),
    inboundSmtpPort: processes.inboundPort,
    lettersDelivered: () => letters,
    worker: benchProcess(worker, () =>
      waitFor('the worker to poll', () => polling(client, processes.namespace, worker.pid)),
    ),
    api: benchProcess(processes.apis[0]!, () => waitFor('the API', () => healthy(apiUrl))),
    temporalServer: {
      get pid() {
        return processes.temporalPid();
      },
      sqliteFile: processes.temporalSqliteFile,
    },
    postgresDataDir: processes.postgresDataDir,
    processRoots: async () => ({
      worker: worker.pid,
      API: processes.apis[0]!.pid,
      mail: processes.mail.pid,
      Temporal: processes.temporalPid(),
      PostgreSQL: await postmasterPid(processes.postgresDataDir),
      'bench process': process.pid,
    }),
  };
}

/**
 * A worker is ready once the server has seen it poll for workflow tasks: its default identity is `pid@host`, and
 * the poller list still holds the worker stopped before it, so the pid tells them apart.
 */
async function polling(client: Client, namespace: string, pid: number | undefined): Promise<boolean> {
  if (pid === undefined) return false;
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace,
    taskQueue: { name: DEFAULT_TASK_QUEUE },
    taskQueueType: proto.temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
  });
  return pollers.some((poller) => poller.identity?.startsWith(`${pid}@`));
}

async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const pidFile = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '');
  return Number(pidFile.split('\n')[0]) || undefined;
}

function benchProcess(service: ServiceProcess, ready: () => Promise<void>): BenchProcess {
  return {
    get pid() {
      return service.pid;
    },
    rss: () => service.rss(),
    stop: () => service.stop(),
    async start() {
      service.start();
      await ready();
    },
  };
}
