import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { forwardLines, freePort, portAnswers, projectRoot, stopProcess, Tail } from '../dev/support';
import { withoutTemporalTls } from '../lib/temporal-connection';

export interface ApiSettings {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  linkSecret: string;
}

/**
 * The API as an operator runs it (`tsx api/main.ts`, configured by the environment) in a process of its own,
 * so the bench measures what a client meets over HTTP and shares no event loop with the worker it drives.
 */
export async function startApiProcess(
  settings: ApiSettings,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: projectRoot,
    env: {
      ...withoutTemporalTls(process.env),
      DATABASE_URL: settings.databaseUrl,
      TEMPORAL_ADDRESS: settings.temporalAddress,
      TICKETFLOW_TASK_QUEUE: settings.taskQueue,
      LINK_SIGNING_SECRET: settings.linkSecret,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      UPDATE_DEADLINE: '30s',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail = new Tail();
  forwardLines(child.stdout, tail.push);
  forwardLines(child.stderr, tail.push);
  while (!(await portAnswers(port))) {
    if (child.exitCode !== null) throw new Error(`the API exited (code ${child.exitCode}):\n${tail}`);
    await sleep(200);
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => stopProcess(child, 5_000) };
}
