import { randomUUID } from 'node:crypto';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { Priority } from '../../domain/priority';
import type { TicketIntake } from '../../domain/ticket';
import type { TicketView } from '../../domain/ticket-view';
import type { Db } from '../../lib/db';
import type { ticketWorkflow } from '../../workflows';
import {
  actionUpdates,
  registeredUpdate,
  type ActionCommands,
  type ActionName,
} from '../../workflows/messages';
import { validIntake } from './intake';

export type Ticket = WorkflowHandle<typeof ticketWorkflow>;

/** An organization of its own under `policyId`, so a rollout of that policy reaches this test's tickets only. */
export async function organizationOn(db: Db, policyId: string): Promise<string> {
  const id = randomUUID();
  const organization = `Rollout customer ${id}`;
  await db('organizations').insert({ id: `rollout-customer-${id}`, name: organization });
  await db('contracts').insert({ organization, sla_policy_id: policyId, valid_from: '2000-01-01' });
  return organization;
}

/** Opens tickets the way the API does (started with the workflow, answered once stored), `parallel` at a time. */
export async function openTickets(
  client: Client,
  taskQueue: string,
  count: number,
  intake: { organization: string; priority: Priority; receivedAt?: string },
  parallel = 10,
): Promise<Ticket[]> {
  const tickets: Ticket[] = [];
  for (let first = 0; first < count; first += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - first) }, async () => {
      const number = `RO-${randomUUID()}`;
      const { priority, receivedAt = new Date().toISOString(), ...overrides } = intake;
      const handle = await client.workflow.start<typeof ticketWorkflow>('ticketWorkflow', {
        workflowId: number,
        taskQueue,
        args: [
          {
            open: { number, intake: validIntake(overrides) as unknown as TicketIntake, priority, receivedAt },
          },
        ],
      });
      await handle.executeUpdate(registeredUpdate);
      return handle;
    });
    tickets.push(...(await Promise.all(batch)));
  }
  return tickets;
}

type WithoutActor<C> = C extends unknown ? Omit<C, 'actor'> : never;

export function act<A extends ActionName>(
  ticket: Ticket,
  name: A,
  command: WithoutActor<ActionCommands[A]>,
): Promise<TicketView> {
  const args = [{ actor: 'eng.maria', ...command }];
  return ticket.executeUpdate(actionUpdates[name] as never, { args: args as never });
}
