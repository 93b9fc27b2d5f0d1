import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../lib/db';
import { createMinimalActivities, MINIMAL_TICKETS_TABLE } from './minimal-activities';
import type { BenchDesk } from './scenario';

export const FLOOR_TASK_QUEUE = 'bench-floor';

/**
 * The worker for intake's baselines, in the bench's process on a task queue of its own, so it never takes the
 * desk worker's tasks. Its table lives outside the desk's migrations: only the bench writes it.
 */
export async function startFloorWorker(desk: BenchDesk): Promise<{ stop(): Promise<void> }> {
  await createMinimalTable(desk.db);
  const connection = await NativeConnection.connect({ address: desk.temporalAddress });
  try {
    const worker = await Worker.create({
      connection,
      namespace: desk.namespace,
      taskQueue: FLOOR_TASK_QUEUE,
      workflowsPath: fileURLToPath(new URL('./minimal-workflow.ts', import.meta.url)),
      activities: createMinimalActivities(desk.db),
    });
    const running = worker.run();
    return {
      async stop() {
        worker.shutdown();
        await running;
        await connection.close();
      },
    };
  } catch (error) {
    await connection.close();
    throw error;
  }
}

async function createMinimalTable(db: Db): Promise<void> {
  if (await db.schema.hasTable(MINIMAL_TICKETS_TABLE)) return;
  await db.schema.createTable(MINIMAL_TICKETS_TABLE, (table) => {
    table.text('number').primary();
    table.jsonb('intake').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}
