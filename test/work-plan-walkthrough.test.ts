import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { projectRoot } from '../dev/support';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();

// The docs send a newcomer to this script: it has to work against a real desk as shipped, not just parse.
it('examples/work-plan.sh drafts, gets approved and follows up a plan with a special-hours visit (R8, R16)', async () => {
  const { stdout } = await promisify(execFile)('bash', [join(projectRoot, 'examples/work-plan.sh')], {
    env: {
      PATH: process.env.PATH,
      API: suite.stack.baseUrl,
      ANA: suite.people.acme.requester.token,
      MARIA: suite.people.agent.token,
    },
  });
  const lines = stdout.trim().split('\n');
  const number = /^opened (TF-\d+)$/.exec(lines[0]!)?.[1];
  expect(number, stdout).toBeDefined();
  expect(lines.slice(1)).toEqual([
    'start-analysis → ANALYSIS, tier ONSITE',
    expect.stringMatching(/^tomorrow → refused, earliest allowed start \d{4}-\d\d-\d\dT/),
    'draft-plan → awaiting-approval, special hours: true',
    'approve-plan → approved',
    expect.stringMatching(/^appointment → confirmed at \d{4}-\d\d-\d\dT01:00:00\.000Z$/),
    expect.stringMatching(/^agreed window \S+T01:00:00\S* – \S+T03:00:00\S* for the field engineer$/),
    'start-activity → started',
    'complete-activity → completed',
  ]);

  const ticket = (await suite.api.get(`/tickets/${number}`)).body;
  expect(ticket.plan).toMatchObject({
    status: 'approved',
    answer: { approved: true, by: 'ana.ruiz@acme.example' },
    activities: [{ status: 'completed', specialHours: true, onSite: true }],
  });
  const kinds = ticket.timeline.map((e: { type: string }) => e.type);
  expect(kinds).toEqual(
    expect.arrayContaining(['engineer-dispatched', 'plan-proposed', 'appointment-beyond-promise']),
  );
});
