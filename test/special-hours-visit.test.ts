import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldServiceScene, ticketAtOnsite, type FieldServiceScene } from './support/onsite';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
let scene: FieldServiceScene;

beforeAll(async () => {
  scene = await fieldServiceScene(suite, 'Special hours');
  // ITBX's calendar, whose nights are outside its hours; the procedure's notice of 3 business days.
  await suite.stack.db('contracts').insert({
    organization: scene.customer.organization.name,
    sla_policy_id: 'itbx-bogota',
    valid_from: '2000-01-01',
  });
});

/** `hour`:00 in Bogota, `days` from now: 03:00 is always outside the ITBX calendar's hours. */
const bogota = (days: number, hour: number, minute = 0) =>
  DateTime.now().setZone('America/Bogota').plus({ days }).set({ hour, minute, second: 0, millisecond: 0 });
const iso = (t: DateTime) => t.toUTC().toISO()!;

describe('a field visit in special hours (R16)', () => {
  it('is scheduled only inside a window the client approved, shown to the engineer and counted apart', async () => {
    const { desk, customer, fieldEngineer, requester, team } = scene;
    const number = await ticketAtOnsite(suite.api, customer);
    const appointment = `/tickets/${number}/appointment`;
    const refused = await fieldEngineer.put(appointment, {
      at: iso(bogota(30, 3, 30)),
      reason: 'the site is free at night only',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(
      /special-hours work must be agreed with the client .* 3 business days ahead/,
    );
    expect(refused.body.earliestStart).toEqual(expect.any(String));

    await suite.api.act(number, 'assign', { engineer: desk.agents['field-engineer'].email });
    await suite.api.act(number, 'start-analysis', {});
    const window = { start: iso(bogota(30, 3)), end: iso(bogota(30, 5)) };
    const drafted = await suite.api.act(number, 'draft-plan', {
      objective: 'Replace the core switch outside the warehouse shifts',
      activities: [{ title: 'Swap the switch', owner: team.fieldEngineer.email, ...window, onSite: true }],
    });
    expect(drafted.body.plan.activities[0].specialHours).toBe(true);
    expect((await requester.act(number, 'approve-plan', {})).status).toBe(200);

    expect(
      (
        await fieldEngineer.put(appointment, {
          at: iso(bogota(30, 3, 30)),
          reason: 'the site is free at night only',
        })
      ).status,
    ).toBe(200);
    const outside = await fieldEngineer.put(appointment, {
      at: iso(bogota(31, 3, 30)),
      reason: 'a day later',
    });
    expect(outside.status).toBe(409);
    const shown = (await fieldEngineer.get(`/tickets/${number}/field-service`)).body;
    expect(shown.specialHours).toEqual([{ activity: 1, title: 'Swap the switch', ...window }]);

    // The visit itself, as the partner team records it afterwards: 02:30 to 05:30, two hours of it agreed.
    const [visit] = await suite.stack
      .db('field_visits')
      .insert({
        ticket_number: number,
        dispatch_id: shown.dispatches[0].id,
        engineer_id: team.fieldEngineer.id,
        checked_in_at: bogota(30, 2, 30).toJSDate(),
        checked_in_by: 'partner',
        checked_out_at: bogota(30, 5, 30).toJSDate(),
        checked_out_by: 'partner',
      })
      .returning('id');
    await suite.stack.db('field_service_reports').insert({
      visit_id: visit.id,
      tasks_done: 'Swapped the switch',
      written_by: 'partner',
      signer_name: 'Luis Gómez',
      signature: 'data:image/png;base64,iVBORw0KGgo=',
      signed_at: bogota(30, 5, 40).toJSDate(),
    });
    const report = (await fieldEngineer.get(`/tickets/${number}/visits/${visit.id}/report`)).body;
    expect(report).toMatchObject({ specialHoursMinutes: 120 });
    const day = bogota(30, 3).toUTC().toISODate()!;
    const csv = await fetch(
      `${suite.stack.baseUrl}/field-service/invoicing.csv?${new URLSearchParams({ organization: customer.organization.name, from: day, to: day })}`,
      { headers: { authorization: `Bearer ${desk.manager.token}` } },
    );
    const [, row] = (await csv.text()).trim().split('\r\n');
    expect(row!.split(',').slice(5, 7)).toEqual(['180', '120']);
  });
});
