import { beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, type ApiClient } from './support/http';
import { fieldServiceScene, ticketAtOnsite, type RosterEngineer } from './support/onsite';
import type { Customer, Desk } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
let desk: Desk;
let customer: Customer;
let team: { fieldEngineer: RosterEngineer; secondLine: RosterEngineer };
let fieldEngineer: ApiClient;
let requester: ApiClient;

// A 1×1 PNG, as a signature pad hands it over.
const png =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

beforeAll(async () => {
  ({ desk, customer, team, fieldEngineer, requester } = await fieldServiceScene(suite, 'Visited'));
});

async function checkedIn(number: string) {
  const visit = await fieldEngineer.post(`/tickets/${number}/visits`, {});
  expect(visit.status).toBe(201);
  return { visit: visit.body, path: `/tickets/${number}/visits/${visit.body.id}` };
}

describe('visits on site (R23)', () => {
  it('an engineer of the field team checks in and out: out after in, one open visit per engineer', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const visits = `/tickets/${number}/visits`;
    const { visit, path } = await checkedIn(number);
    expect(visit).toMatchObject({
      ticket: number,
      engineer: team.fieldEngineer,
      checkedInBy: desk.agents['field-engineer'].email,
      checkedOutAt: null,
      durationMinutes: null,
    });
    const again = await fieldEngineer.post(visits, {});
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/still checked in/);
    // The second-line engineer may be on site too, on a visit of their own.
    expect((await fieldEngineer.post(visits, { engineerId: team.secondLine.id })).status).toBe(201);
    expect(fieldsOf(await fieldEngineer.post(visits, { engineerId: 'fe-camila-rojas' }))).toEqual([
      'engineerId',
    ]);
    expect(fieldsOf(await fieldEngineer.post(visits, { at: inMinutes(10) }))).toEqual(['at']);
    expect(fieldsOf(await fieldEngineer.post(visits, { at: inMinutes(-600) }))).toEqual(['at']);
    expect((await requester.post(visits, {})).status).toBe(403);

    expect(fieldsOf(await fieldEngineer.post(`${path}/check-out`, { at: visit.checkedInAt }))).toEqual([
      'at',
    ]);
    expect(fieldsOf(await fieldEngineer.post(`${path}/check-out`, { at: inMinutes(10) }))).toEqual(['at']);
    const out = await fieldEngineer.post(`${path}/check-out`, {});
    expect(out.body).toMatchObject({ checkedOutBy: desk.agents['field-engineer'].email, durationMinutes: 0 });
    expect(Date.parse(out.body.checkedOutAt)).toBeGreaterThan(Date.parse(visit.checkedInAt));
    expect((await fieldEngineer.post(`${path}/check-out`, {})).status).toBe(409);
    expect((await fieldEngineer.post(`${visits}/999999999/check-out`, {})).status).toBe(404);
    await expect(
      suite.stack.db('field_visits').where({ id: visit.id }).update({ checked_out_at: new Date() }),
    ).rejects.toThrow(`visit ${visit.id} is checked out and cannot be changed`);

    expect((await fieldEngineer.post(visits, {})).status).toBe(201);
    const overview = (await requester.get(`/tickets/${number}/field-service`)).body;
    expect(overview.visits.map((v: { engineer: RosterEngineer }) => v.engineer.id)).toEqual([
      team.fieldEngineer.id,
      team.secondLine.id,
      team.fieldEngineer.id,
    ]);
  });
});

describe('the field service report (R23)', () => {
  it('a signed report cannot be changed', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const { visit, path } = await checkedIn(number);
    const report = `${path}/report`;
    expect((await requester.get(report)).status).toBe(404);
    const draft = await fieldEngineer.put(report, { tasksDone: 'Replaced the core switch' });
    expect(draft.body).toMatchObject({
      status: 'draft',
      timeIn: visit.checkedInAt,
      timeOut: null,
      signedAt: null,
    });
    const signature = { signerName: 'Luis Gómez', signature: png };
    const early = await fieldEngineer.post(`${report}/sign`, signature);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatch(/still open; check out first/);

    const out = (await fieldEngineer.post(`${path}/check-out`, {})).body;
    expect(fieldsOf(await fieldEngineer.put(report, { tasksDone: ' ' }))).toEqual(['tasksDone']);
    const tasksDone = 'Replaced the core switch; restored the uplink';
    expect((await fieldEngineer.put(report, { tasksDone })).body.tasksDone).toBe(tasksDone);
    const oversize = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.alloc(101 * 1024),
    ]).toString('base64');
    for (const bad of [
      'Luis Gómez',
      'data:image/svg+xml;base64,PHN2Zy8+',
      'data:image/png;base64,aGVsbG8=',
      `data:image/png;base64,${oversize}`,
    ]) {
      expect(fieldsOf(await fieldEngineer.post(`${report}/sign`, { ...signature, signature: bad }))).toEqual([
        'signature',
      ]);
    }

    const signed = await fieldEngineer.post(`${report}/sign`, {
      ...signature,
      customerComments: 'Works again',
    });
    expect(signed.body).toMatchObject({
      status: 'signed',
      tasksDone,
      timeIn: visit.checkedInAt,
      timeOut: out.checkedOutAt,
      customerComments: 'Works again',
      signerName: 'Luis Gómez',
      signature: png,
      signedAt: expect.any(String),
    });
    const changed = await fieldEngineer.put(report, { tasksDone: 'Nothing at all' });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toBe(
      `the field service report of visit ${visit.id} is signed and cannot be changed`,
    );
    expect(
      (await fieldEngineer.post(`${report}/sign`, { ...signature, signerName: 'Someone else' })).status,
    ).toBe(409);
    expect((await requester.get(report)).body).toEqual(signed.body);
    expect((await suite.api.as(desk.globex.requester.token).get(report)).status).toBe(404);
  });

  it('the database itself refuses to change or delete a signed report, and lets a draft change', async () => {
    const number = await ticketAtOnsite(suite.api, customer);
    const drafted = await checkedIn(number);
    await fieldEngineer.put(`${drafted.path}/report`, { tasksDone: 'Checked the cabling' });
    const reports = (visitId: number) => suite.stack.db('field_service_reports').where({ visit_id: visitId });
    expect(await reports(drafted.visit.id).update({ tasks_done: 'Checked all cabling' })).toBe(1);

    await fieldEngineer.post(`${drafted.path}/check-out`, {});
    await fieldEngineer.post(`${drafted.path}/report/sign`, { signerName: 'Luis Gómez', signature: png });
    const refusal = `the field service report of visit ${drafted.visit.id} is signed and cannot be changed`;
    await expect(reports(drafted.visit.id).update({ tasks_done: 'Nothing' })).rejects.toThrow(refusal);
    await expect(reports(drafted.visit.id).delete()).rejects.toThrow(refusal);
    expect((await reports(drafted.visit.id).first()).tasks_done).toBe('Checked all cabling');
  });
});
