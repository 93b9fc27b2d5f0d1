import { describe, expect, it } from 'vitest';
import {
  incidentTicketUpdates,
  type IncidentTicketCommandName,
  type IncidentTicketCommands,
} from '../workflows/messages';
import { letters, timeSkippingUnder, withWorker, type TicketHandle } from './support/time-skipping';

// brocent-24x7: a P1 ticket's requester gets a status update every 60 minutes until it is resolved (R17).
const minutes = (n: number) => n * 60_000;
const suite = timeSkippingUnder('brocent-24x7');
const incident = 'INC-42';

/** What the incident's activity sends a linked ticket, sent straight to it. */
const tell = <C extends IncidentTicketCommandName>(
  handle: TicketHandle,
  name: C,
  command: Omit<IncidentTicketCommands[C], 'actor'>,
) =>
  handle.executeUpdate(incidentTicketUpdates[name] as never, {
    args: [{ actor: 'eng.maria', ...command }] as never,
  });

const statusLetters = async (handle: TicketHandle) =>
  (await letters(suite.ts.db, handle.workflowId, 'status-update')).length;

describe('a ticket carried by a major incident', () => {
  it('sends no status letter of its own while linked; the incident’s update is its letter; unlinked, its own resume (R17)', async () => {
    await withWorker(suite.ts, async (open) => {
      const alone = await open(suite.organization, 'P1');
      const linked = await open(suite.organization, 'P1');
      const notice = {
        number: incident,
        title: 'ERP down',
        service: 'ERP',
        lastUpdate: null,
        resolvedAt: null,
      };
      await tell(linked, 'link-incident', { incident: notice });

      await suite.ts.env.sleep(minutes(150));
      // The ticket on its own wrote at 60 and 120; the linked one waited for the incident.
      expect(await statusLetters(alone)).toBe(2);
      expect(await statusLetters(linked)).toBe(0);
      await tell(linked, 'incident-update', { incident, message: 'Failing over to the replica.' });
      await expect.poll(() => statusLetters(linked)).toBe(1);

      await tell(linked, 'unlink-incident', { incident, reason: 'a different fault' });
      await suite.ts.env.sleep(minutes(70));
      // Its own letters resume an interval after the unlinking, not at once for the time that passed.
      await expect.poll(() => statusLetters(linked)).toBe(2);
    });
  });
});
