import type { History } from '@temporalio/common/lib/proto-utils';
import { describe, expect, it } from 'vitest';
import { heldReplyPatch } from '../workflows/clock-waits';
import { validIntake } from './support/intake';
import { startWorker, useTicketStack, workflowBundle } from './support/ticket-stack';
import {
  bundleWithChange,
  clockWaitsBeforeTheFix,
  replayOn,
  unguardedClockWaits,
} from './support/workflow-change';

// The real change behind `held-reply-keeps-clocks-paused`, shipped as docs/versioning.md says: tickets held on
// the code before it, one that already had a reply restart its clocks and one not yet replied to, replay on
// today's code and carry on there.
const suite = useTicketStack();
const ana = () => suite.people.acme.requester;
const nondeterminism = expect.stringMatching(/^DeterminismViolationError: .*Nondeterminism/s);

async function heldTicket(): Promise<string> {
  const created = await suite.api.post('/tickets', validIntake());
  expect(created.status).toBe(201);
  const held = await suite.api.act(created.body.number, 'hold', {
    reason: 'not-justified',
    detail: 'A password reset is self-service',
  });
  expect(held.body.sla.tierFrame).toMatchObject({ state: 'paused' });
  return created.body.number;
}

async function reply(number: string): Promise<{ resolution: string; tierFrame: string }> {
  const replied = await suite.api.act(number, 'reply', { message: 'The portal locks me out' }, ana().token);
  expect(replied.status).toBe(200);
  return { resolution: replied.body.sla.resolution.state, tierFrame: replied.body.sla.tierFrame.state };
}

async function histories(...numbers: string[]): Promise<{ workflowId: string; history: History }[]> {
  const client = suite.stack.client.workflow;
  return Promise.all(
    numbers.map(async (workflowId) => ({
      workflowId,
      history: await client.getHandle(workflowId).fetchHistory(),
    })),
  );
}

function patchMarkers(of: History): number[] {
  return (of.events ?? [])
    .filter((event) => {
      const marker = event.markerRecordedEventAttributes;
      const data = marker?.markerName === 'core_patch' && marker.details?.['patch-data']?.payloads?.[0]?.data;
      return data && JSON.parse(new TextDecoder().decode(data)).id === heldReplyPatch;
    })
    .map((event) => Number(event.eventId));
}

describe('a reply while held stops moving the clocks of tickets already running (docs/versioning.md)', () => {
  it('tickets held on the old code replay on the new one, where a reply keeps the clocks paused', async () => {
    const { stack } = suite;
    const before = await bundleWithChange(clockWaitsBeforeTheFix, 'clock-waits');
    await stack.worker.stop();
    stack.worker = await startWorker(stack.db, stack.taskQueue, undefined, undefined, before);

    // The old code: a reply while held restarts the desk's clocks.
    const replied = await heldTicket();
    expect(await reply(replied)).toEqual({ resolution: 'on_track', tierFrame: 'on_track' });
    const waiting = await heldTicket();

    // The deployment: both replay on today's code; the fix without patched() breaks the one that replied.
    await stack.worker.stop();
    const past = await histories(replied, waiting);
    expect(await replayOn(workflowBundle(), past)).toEqual({ [replied]: undefined, [waiting]: undefined });
    expect(await replayOn(await bundleWithChange(unguardedClockWaits, 'clock-waits'), past)).toEqual({
      [replied]: nondeterminism,
      [waiting]: undefined,
    });
    stack.worker = await startWorker(stack.db, stack.taskQueue);

    // On today's code the waiting ticket's reply moves no clock, and the release resumes them.
    expect(await reply(waiting)).toEqual({ resolution: 'paused', tierFrame: 'paused' });
    const released = await suite.api.act(waiting, 'release', { note: 'The portal is down for this user' });
    expect(released.body.sla).toMatchObject({
      resolution: { state: 'on_track' },
      tierFrame: { state: 'on_track' },
    });
    // The ticket that replied before keeps its past; released, it is worked as any other.
    expect((await suite.api.act(replied, 'release', {})).status).toBe(200);
    await suite.api.act(replied, 'assign', { engineer: 'eng.maria' });
    expect((await suite.api.act(replied, 'start-analysis', {})).body.stage).toBe('ANALYSIS');

    const now = await histories(replied, waiting);
    expect(patchMarkers(now[0]!.history)).toEqual([]);
    const [marker, ...more] = patchMarkers(now[1]!.history);
    expect(more).toEqual([]);
    expect(marker).toBeGreaterThan(past[1]!.history.events!.length);
    expect(await replayOn(workflowBundle(), now)).toEqual({ [replied]: undefined, [waiting]: undefined });
    // A worker left on the old code cannot take back the ticket that took the branch.
    expect(await replayOn(before, now)).toEqual({ [replied]: undefined, [waiting]: nondeterminism });
    // Two workflow bundles are built and eight replays run: minutes on a loaded machine, not one.
  }, 240_000);
});
