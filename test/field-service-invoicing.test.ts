import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from './support/http';
import { hireFieldTeam, ticketAtOnsite, type RosterEngineer } from './support/onsite';
import { seedDesk, type Desk } from './support/people';
import { useTicketStack } from './support/ticket-stack';

const suite = useTicketStack();
let desk: Desk;
let fieldEngineer: ApiClient;

const png =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const SECOND = 1000;
const DAY = 86_400_000;
const header =
  'ticket,organization,engineer,check_in,check_out,duration_minutes,special_hours_minutes,signer,signed_at\r\n';
const dayOf = (iso: string, shift = 0) => new Date(Date.parse(iso) + shift * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  desk = await seedDesk(suite.stack.db);
  fieldEngineer = suite.api.as(desk.agents['field-engineer'].token);
});

interface VisitPlan {
  engineer: RosterEngineer;
  /** After the dispatch; the check-out may run ahead of the clock by the skew the desk allows a device. */
  inAfterDispatch: number;
  outAfterIn: number;
  signer?: string;
}

/** A real visit through the API: check-in and check-out at the given times, then the report, signed or not. */
async function visit(number: string, plan: VisitPlan) {
  const { dispatches } = (await fieldEngineer.get(`/tickets/${number}/field-service`)).body;
  const checkedInAt = new Date(Date.parse(dispatches[0].dispatchedAt) + plan.inAfterDispatch).toISOString();
  const visits = `/tickets/${number}/visits`;
  const { body: checkedIn } = await fieldEngineer.post(visits, {
    at: checkedInAt,
    engineerId: plan.engineer.id,
  });
  expect(checkedIn.id, JSON.stringify(checkedIn)).toEqual(expect.any(Number));
  const checkedOutAt = new Date(Date.parse(checkedInAt) + plan.outAfterIn).toISOString();
  const { body: out } = await fieldEngineer.post(`${visits}/${checkedIn.id}/check-out`, { at: checkedOutAt });
  expect(out.checkedOutAt, JSON.stringify(out)).toBe(checkedOutAt);
  const report = `${visits}/${checkedIn.id}/report`;
  expect((await fieldEngineer.put(report, { tasksDone: 'Replaced the PSU' })).status).toBe(200);
  if (!plan.signer) return { visit: out, signedAt: null };
  const signed = await fieldEngineer.post(`${report}/sign`, { signerName: plan.signer, signature: png });
  return { visit: out, signedAt: signed.body.signedAt as string };
}

const download = (query: Record<string, string>, token = desk.manager.token) =>
  fetch(`${suite.stack.baseUrl}/field-service/invoicing.csv?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });

describe('the invoicing export of signed visits (R23)', () => {
  it('lists one row per signed visit of the organization in the period, from real visits', async () => {
    const invoiced = await desk.customer('Invoiced');
    const other = await desk.customer('Other');
    const team = await hireFieldTeam(suite.stack.db, invoiced.organization.name);
    const otherTeam = await hireFieldTeam(suite.stack.db, other.organization.name);
    const [first, second, elsewhere] = await Promise.all([
      ticketAtOnsite(suite.api, invoiced),
      ticketAtOnsite(suite.api, invoiced),
      ticketAtOnsite(suite.api, other),
    ]);
    const billed = await visit(first, {
      engineer: team.fieldEngineer,
      inAfterDispatch: SECOND,
      outAfterIn: 100 * SECOND,
      signer: 'Gómez, Luis "Lucho"',
    });
    const alongside = await visit(first, {
      engineer: team.secondLine,
      inAfterDispatch: 2 * SECOND,
      outAfterIn: 40 * SECOND,
      signer: 'Marta Silva',
    });
    await visit(second, { engineer: team.fieldEngineer, inAfterDispatch: SECOND, outAfterIn: 60 * SECOND });
    await fieldEngineer.post(`/tickets/${second}/visits`, { engineerId: team.secondLine.id });
    await visit(elsewhere, {
      engineer: otherTeam.fieldEngineer,
      inAfterDispatch: SECOND,
      outAfterIn: 60 * SECOND,
      signer: 'Lena Park',
    });

    const day = dayOf(billed.visit.checkedInAt);
    const organization = invoiced.organization.name;
    const answer = await download({ organization, from: day, to: day });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename=field-visits_${day}_${day}.csv`,
    );
    const row = (number: string, { visit, signedAt }: typeof billed, minutes: number, signer: string) =>
      [
        number,
        organization,
        visit.engineer.name,
        visit.checkedInAt,
        visit.checkedOutAt,
        minutes,
        0,
        signer,
        signedAt,
      ]
        .join(',')
        .concat('\r\n');
    expect(await answer.text()).toBe(
      header + row(first, billed, 2, '"Gómez, Luis ""Lucho"""') + row(first, alongside, 1, 'Marta Silva'),
    );

    for (const [from, to] of [
      [dayOf(day, -30), dayOf(day, -1)],
      [dayOf(day, 1), dayOf(day, 30)],
    ]) {
      expect(await (await download({ organization, from: from!, to: to! })).text()).toBe(header);
    }
    const month = { organization, from: dayOf(day, -15), to: dayOf(day, 15) };
    expect((await (await download(month, desk.admin.token)).text()).split('\r\n')).toHaveLength(4);

    const byId = await download({ ...month, organization: invoiced.organization.id });
    expect(await byId.text()).toBe(await (await download(month)).text());
    const everyone = (await (await download({ from: day, to: day })).text()).split('\r\n');
    expect(everyone).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${elsewhere},`))]));
    expect(everyone.filter((line) => line.startsWith(`${first},`))).toHaveLength(2);
  });

  it('names the organization it does not know instead of answering an empty export', async () => {
    const answer = await suite.api
      .as(desk.manager.token)
      .get('/field-service/invoicing.csv?organization=no-such-organization&from=2026-11-01&to=2026-11-30');
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([
      { field: 'organization', message: expect.stringContaining('no-such') },
    ]);
  });

  it('is for managers and admins, for a valid period', async () => {
    const query = { organization: 'ACME Logistics', from: '2026-11-01', to: '2026-11-30' };
    for (const person of [desk.acme.requester, desk.agents['field-engineer']]) {
      expect((await download(query, person.token)).status).toBe(403);
    }
    expect((await fetch(`${suite.stack.baseUrl}/field-service/invoicing.csv`)).status).toBe(401);
    const manager = suite.api.as(desk.manager.token);
    const invalid = async (q: string) =>
      (await manager.get(`/field-service/invoicing.csv?${q}`)).body.errors.map(
        (e: { field: string }) => e.field,
      );
    expect(await invalid('')).toEqual(['from', 'to']);
    expect(await invalid('organization=ACME&from=2026-13-01&to=2026-11-30')).toEqual(['from']);
    expect(await invalid('organization=ACME&from=2026-11-30&to=2026-11-01')).toEqual(['to']);
  });
});
