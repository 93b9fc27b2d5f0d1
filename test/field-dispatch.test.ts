import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createFieldDispatchActivities } from '../activities/field-dispatch';
import { createDb, type Db } from '../lib/db';

const db = createDb(inject('databaseUrl'));
afterAll(() => db.destroy());

const { dispatchFieldEngineer } = createFieldDispatchActivities(db);
const MINUTE = 60_000;
const newOrganization = () => `Org ${randomUUID()}`;
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();

async function hireEngineer(organizations: string[], available = true, into: Db = db, kind = 'field') {
  const id = `fe-${randomUUID()}`;
  const engineer = { id, name: `Engineer ${id}`, email: `${id}@ticketflow.local` };
  await into('field_engineers').insert({ ...engineer, organizations, available, kind });
  return engineer;
}

async function bookAppointment(engineerId: string, minutesFromNow: number) {
  await db('dispatches').insert({
    id: `booked-${randomUUID()}`,
    ticket_number: 'TF-ELSEWHERE',
    engineer_id: engineerId,
    appointment_at: inMinutes(minutesFromNow),
    promise_due: inMinutes(minutesFromNow),
  });
}

function request(organization: string, promiseDue = inMinutes(120), ticketNumber = `TF-${randomUUID()}`) {
  return { dispatchId: `${ticketNumber}/onsite/${randomUUID()}`, ticketNumber, organization, promiseDue };
}

const teamOf = (ticketNumber: string, from: Db = db) =>
  from('ticket_field_team').where({ ticket_number: ticketNumber });

/** For situations that involve every engineer on the desk: nothing of it is seen by the other test files. */
async function inRolledBackTransaction(work: (trx: Db) => Promise<void>) {
  const trx = await db.transaction();
  try {
    await work(trx);
  } finally {
    await trx.rollback();
  }
}

describe('dispatching a field engineer to the site (R21)', () => {
  it("sends the organization's own engineer, with an appointment 30 minutes out", async () => {
    const organization = newOrganization();
    const own = await hireEngineer([organization]);
    const before = Date.now();
    const dispatch = await dispatchFieldEngineer(request(organization));
    expect(dispatch?.engineer).toEqual(own);
    const appointment = Date.parse(dispatch!.appointmentAt);
    expect(appointment).toBeGreaterThanOrEqual(before + 30 * MINUTE);
    expect(appointment).toBeLessThanOrEqual(Date.now() + 30 * MINUTE);
  });

  it('books the appointment at the promise when the promise comes sooner than travel allows', async () => {
    const organization = newOrganization();
    await hireEngineer([organization]);
    const promiseDue = inMinutes(10);
    const dispatch = await dispatchFieldEngineer(request(organization, promiseDue));
    expect(dispatch?.appointmentAt).toBe(promiseDue);
  });

  it('a retried dispatch returns the same engineer and appointment and stores one dispatch', async () => {
    const organization = newOrganization();
    await hireEngineer([organization]);
    const first = request(organization);
    const dispatched = await dispatchFieldEngineer(first);
    // An idler engineer now exists, yet the retry must not send a second one.
    await bookAppointment((await hireEngineer([organization])).id, -60);
    expect(await dispatchFieldEngineer(first)).toEqual(dispatched);
    const rows = await db('dispatches').where({ id: first.dispatchId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      ticket_number: first.ticketNumber,
      engineer_id: dispatched!.engineer.id,
    });
    expect(rows[0].promise_due.toISOString()).toBe(first.promiseDue);
    expect(await teamOf(first.ticketNumber)).toHaveLength(1);
  });

  it('sends the own engineer with the fewest appointments ahead, never one of another organization', async () => {
    const organization = newOrganization();
    const busy = await hireEngineer([organization]);
    const idle = await hireEngineer([organization]);
    await hireEngineer([newOrganization()]);
    await bookAppointment(busy.id, 90);
    // Past appointments are done: they do not make an engineer busy.
    await bookAppointment(idle.id, -120);
    await bookAppointment(idle.id, -60);
    expect((await dispatchFieldEngineer(request(organization)))?.engineer).toEqual(idle);
  });

  it('prefers an own engineer to one who serves every organization, and skips the unavailable', async () => {
    const organization = newOrganization();
    await hireEngineer([organization], false);
    await hireEngineer([]);
    const own = await hireEngineer([organization, newOrganization()]);
    await bookAppointment(own.id, 45);
    expect((await dispatchFieldEngineer(request(organization)))?.engineer).toEqual(own);
  });

  it('falls back to an engineer who serves every organization', async () => {
    await inRolledBackTransaction(async (trx) => {
      await trx('field_engineers').update({ available: false });
      const anyone = await hireEngineer([], true, trx);
      await hireEngineer([newOrganization()], true, trx);
      const dispatch = await createFieldDispatchActivities(trx).dispatchFieldEngineer(
        request(newOrganization()),
      );
      expect(dispatch?.engineer).toEqual(anyone);
    });
  });

  it('answers null and stores nothing when no available engineer serves the organization', async () => {
    await inRolledBackTransaction(async (trx) => {
      await trx('field_engineers').update({ available: false });
      const organization = newOrganization();
      await hireEngineer([organization], false, trx);
      await hireEngineer([newOrganization()], true, trx);
      const nobody = request(organization);
      expect(await createFieldDispatchActivities(trx).dispatchFieldEngineer(nobody)).toBeNull();
      expect(await trx('dispatches').where({ id: nobody.dispatchId })).toEqual([]);
      expect(await teamOf(nobody.ticketNumber, trx)).toEqual([]);
    });
  });
});

describe("the ticket's field team for its whole life (R22)", () => {
  it('a later dispatch of the same ticket sends the same field engineer, though another is idler by then', async () => {
    const organization = newOrganization();
    const own = await hireEngineer([organization]);
    const first = request(organization);
    expect((await dispatchFieldEngineer(first))?.engineer).toEqual(own);
    await hireEngineer([organization]);
    const later = request(organization, inMinutes(120), first.ticketNumber);
    expect((await dispatchFieldEngineer(later))?.engineer).toEqual(own);
    expect(await db('dispatches').where({ ticket_number: first.ticketNumber })).toHaveLength(2);
    expect(await teamOf(first.ticketNumber)).toMatchObject([{ field_engineer_id: own.id }]);
  });

  it("chooses one second-line engineer from the roster, the organization's own first, never as field engineer", async () => {
    const organization = newOrganization();
    const secondLine = await hireEngineer([organization], true, db, 'second-line');
    await hireEngineer([], true, db, 'second-line');
    const field = await hireEngineer([organization]);
    // Busier than the second-line engineer, who still must not go on site.
    await bookAppointment(field.id, 60);
    const first = request(organization);
    expect((await dispatchFieldEngineer(first))?.engineer).toEqual(field);
    await hireEngineer([organization], true, db, 'second-line');
    await dispatchFieldEngineer(request(organization, inMinutes(120), first.ticketNumber));
    expect(await teamOf(first.ticketNumber)).toMatchObject([
      { field_engineer_id: field.id, second_line_engineer_id: secondLine.id },
    ]);
  });

  it('a ticket dispatched while the second line was all busy gets its second-line engineer at the next dispatch', async () => {
    await inRolledBackTransaction(async (trx) => {
      await trx('field_engineers').where({ kind: 'second-line' }).update({ available: false });
      const organization = newOrganization();
      await hireEngineer([organization], true, trx);
      const dispatch = createFieldDispatchActivities(trx).dispatchFieldEngineer;
      const first = request(organization);
      await dispatch(first);
      expect(await teamOf(first.ticketNumber, trx)).toMatchObject([{ second_line_engineer_id: null }]);
      const secondLine = await hireEngineer([], true, trx, 'second-line');
      await dispatch(request(organization, inMinutes(120), first.ticketNumber));
      expect(await teamOf(first.ticketNumber, trx)).toMatchObject([
        { second_line_engineer_id: secondLine.id },
      ]);
    });
  });

  it("the database refuses to replace a ticket's field engineer or second-line engineer", async () => {
    const organization = newOrganization();
    await hireEngineer([organization]);
    await hireEngineer([organization], true, db, 'second-line');
    const first = request(organization);
    await dispatchFieldEngineer(first);
    const other = await hireEngineer([organization]);
    const otherSecondLine = await hireEngineer([organization], true, db, 'second-line');
    for (const change of [
      { field_engineer_id: other.id },
      { second_line_engineer_id: otherSecondLine.id },
      { second_line_engineer_id: null },
    ]) {
      await expect(teamOf(first.ticketNumber).update(change)).rejects.toThrow(
        `ticket ${first.ticketNumber} keeps its field team for its whole life (R22)`,
      );
    }
  });
});
