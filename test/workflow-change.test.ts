import type { History } from '@temporalio/common/lib/proto-utils';
import { describe, expect, it } from 'vitest';
import { validIntake } from './support/intake';
import { solutionNewsPatch } from './support/workflow-change/service-level';
import { startWorker, useTicketStack, workflowBundle } from './support/ticket-stack';
import {
  bundleWithChange,
  changedServiceLevel,
  replayOn,
  unguardedServiceLevel,
} from './support/workflow-change';

const suite = useTicketStack();
const ana = () => suite.people.acme.requester;

async function openTicket(): Promise<string> {
  const created = await suite.api.post('/tickets', validIntake());
  expect(created.status).toBe(201);
  return created.body.number;
}

async function act(number: string, action: string, body: unknown, token?: string): Promise<string> {
  const answer = await suite.api.act(number, action, body, token);
  expect(answer.status).toBe(200);
  return answer.body.stage;
}

async function history(number: string): Promise<History> {
  return suite.stack.client.workflow.getHandle(number).fetchHistory();
}

/**
 * The ids of the markers a run recorded for the changed code's patch: the point where it first took the
 * patched branch. Markers of the ticket's own patches, if it has any, are not this change's.
 */
function patchMarkers(of: History): number[] {
  return (of.events ?? [])
    .filter((event) => {
      const marker = event.markerRecordedEventAttributes;
      const data = marker?.markerName === 'core_patch' && marker.details?.['patch-data']?.payloads?.[0]?.data;
      return data && JSON.parse(new TextDecoder().decode(data)).id === solutionNewsPatch;
    })
    .map((event) => Number(event.eventId));
}

/** The solution and what the requester heard about it, in timeline order. */
async function solutionNews(number: string): Promise<string[]> {
  const { timeline } = (await suite.api.get(`/tickets/${number}`)).body;
  const worthTelling = ['solution-proposed', 'status-update-sent', 'testing-started', 'rejected', 'closed'];
  return timeline
    .map((event: { type: string }) => event.type)
    .filter((type: string) => worthTelling.includes(type));
}

describe('a change to the ticket workflow reaches tickets already running (docs/versioning.md)', () => {
  it('running tickets replay on the new code, keep their past, and take the patched branch from then on', async () => {
    // Today's code: one ticket is past the point the change touches, one not yet there.
    const tested = await openTicket();
    await act(tested, 'assign', { engineer: 'eng.maria' });
    await act(tested, 'start-analysis', { note: 'Called the client' });
    await act(tested, 'propose-solution', { solution: 'Re-issued the SSO certificate' });
    expect(await act(tested, 'start-testing', {})).toBe('CUSTOMER_TESTING');
    const analysed = await openTicket();
    await act(analysed, 'assign', { engineer: 'eng.maria' });
    expect(await act(analysed, 'start-analysis', { note: 'Reproduced it' })).toBe('ANALYSIS');

    // The release: today's worker stops; before the new one starts, the running tickets replay on its code.
    await suite.stack.worker.stop();
    const before = [
      { workflowId: tested, history: await history(tested) },
      { workflowId: analysed, history: await history(analysed) },
    ];
    const newCode = await bundleWithChange(changedServiceLevel);
    expect(await replayOn(newCode, before)).toEqual({ [tested]: undefined, [analysed]: undefined });
    // Without patched() the same change breaks the ticket whose past it would rewrite.
    expect(await replayOn(await bundleWithChange(unguardedServiceLevel), before)).toEqual({
      [tested]: expect.stringMatching(/^DeterminismViolationError: .*Nondeterminism/s),
      [analysed]: undefined,
    });

    const { stack } = suite;
    stack.worker = await startWorker(stack.db, stack.taskQueue, undefined, undefined, newCode);

    // The ticket in analysis proposes its solution on the new code: the requester hears of it at once.
    expect(await act(analysed, 'propose-solution', { solution: 'Cleared the SSO session store' })).toBe(
      'SOLUTION',
    );
    expect(await solutionNews(analysed)).toEqual(['solution-proposed', 'status-update-sent']);

    // The ticket in testing keeps its past as it was; its next solution takes the new branch.
    expect(await act(tested, 'reject', { reason: 'Still cannot log in' }, ana().token)).toBe('ANALYSIS');
    await act(tested, 'propose-solution', { solution: 'Cleared the SSO session store' });
    await act(tested, 'start-testing', {});
    await act(tested, 'accept', { comment: 'works' }, ana().token);
    expect(await act(tested, 'close', { resolution: 'Session store cleared' })).toBe('CLOSED');
    expect(await solutionNews(tested)).toEqual([
      'solution-proposed',
      'testing-started',
      'rejected',
      'solution-proposed',
      'status-update-sent',
      'testing-started',
      'closed',
    ]);

    // Each history records the patch once, after everything it held before the release.
    const after = [
      { workflowId: tested, history: await history(tested) },
      { workflowId: analysed, history: await history(analysed) },
    ];
    for (const [i, { history: past }] of before.entries()) {
      expect(patchMarkers(past)).toEqual([]);
      const markers = patchMarkers(after[i]!.history);
      expect(markers).toHaveLength(1);
      expect(markers[0]).toBeGreaterThan(past.events!.length);
    }
    // And the new code replays them whole, the old path and the new branch alike.
    expect(await replayOn(newCode, after)).toEqual({ [tested]: undefined, [analysed]: undefined });
    // A worker left on the old code cannot take them back once they took the branch (docs/deploying.md).
    expect(await replayOn(workflowBundle(), after)).toEqual({
      [tested]: expect.stringMatching(/^DeterminismViolationError: .*Nondeterminism/s),
      [analysed]: expect.stringMatching(/^DeterminismViolationError: .*Nondeterminism/s),
    });
    // Two workflow bundles are built and four replays run: minutes on a loaded machine, not one.
  }, 240_000);
});
