import type { Db } from '../lib/db';
import { findTeam, type FieldTeam } from '../lib/field-team';

/**
 * R22: a ticket keeps one field engineer and one shared second-line engineer for its whole life. The first
 * dispatch chooses them and every later dispatch finds them, whether or not somebody idler exists by then. A
 * ticket that found nobody of the second line gets one at a later dispatch.
 *
 * Concurrent first dispatches of one ticket may both choose: the insert that lands first is the team.
 */
export async function fieldTeamFor(
  db: Db,
  ticketNumber: string,
  organization: string,
  now: Date,
): Promise<FieldTeam | null> {
  const team = await findTeam(db, ticketNumber);
  if (team?.secondLineEngineerId) return team;
  if (!team) {
    const engineer = await pickFieldEngineer(db, organization, now);
    if (!engineer) return null;
    await db('ticket_field_team')
      .insert({ ticket_number: ticketNumber, field_engineer_id: engineer.id })
      .onConflict('ticket_number')
      .ignore();
  }
  const secondLine = await pickSecondLineEngineer(db, organization);
  if (secondLine) {
    await db('ticket_field_team')
      .where({ ticket_number: ticketNumber })
      .whereNull('second_line_engineer_id')
      .update({ second_line_engineer_id: secondLine.id });
  }
  return (await findTeam(db, ticketNumber)) ?? null;
}

/**
 * Available engineers of a kind who serve the organization, one dedicated to it before one who serves
 * everybody (they know the site), then by `load`, then by id so the choice is repeatable.
 */
function roster(db: Db, kind: 'field' | 'second-line', organization: string, load: string, bindings: Date[]) {
  return db('field_engineers as e')
    .where({ 'e.available': true, 'e.kind': kind })
    .andWhere((q) =>
      q.whereRaw('cardinality(e.organizations) = 0').orWhereRaw('? = ANY(e.organizations)', [organization]),
    )
    .orderByRaw(`cardinality(e.organizations) = 0, ${load}, e.id`, bindings)
    .first<{ id: string } | undefined>('e.id');
}

/** The field engineer with the fewest appointments still ahead. */
function pickFieldEngineer(db: Db, organization: string, now: Date) {
  const upcoming = '(SELECT count(*) FROM dispatches d WHERE d.engineer_id = e.id AND d.appointment_at > ?)';
  return roster(db, 'field', organization, upcoming, [now]);
}

/** The second-line engineer shared by the fewest tickets not yet closed. */
function pickSecondLineEngineer(db: Db, organization: string) {
  const shared = `(SELECT count(*) FROM ticket_field_team f LEFT JOIN tickets t ON t.number = f.ticket_number
                   WHERE f.second_line_engineer_id = e.id AND t.closed_at IS NULL)`;
  return roster(db, 'second-line', organization, shared, []);
}
