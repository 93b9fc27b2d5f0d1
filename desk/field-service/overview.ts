import type { Db } from '../../lib/db';
import { findAppointment, type AppointmentView } from './appointments';
import { toReport, type ReportView } from './visit-reports';
import type { FieldTicket } from './field-tickets';
import { listVisits, type VisitView } from './visits';
import { agreedOnsiteWindows } from './special-hours';
import { minutesWithin, type AgreedWindow } from '../../domain/work-plan';

interface Engineer {
  id: string;
  name: string;
  email: string;
}

export interface FieldServiceView {
  ticket: string;
  team: { fieldEngineer: Engineer; secondLineEngineer: Engineer | null } | null;
  dispatches: {
    id: string;
    engineer: Engineer;
    appointmentAt: string;
    promiseDue: string;
    dispatchedAt: string;
  }[];
  appointment: AppointmentView | null;
  /** Special-hours windows on site the client agreed to in the work plan (R16): when the engineer may work. */
  specialHours: AgreedWindow[];
  visits: (VisitView & { specialHoursMinutes: number | null; report: ReportView | null })[];
}

/** Everything field service knows of a ticket (R21–R23): its team, dispatches, appointment, visits, reports. */
export async function fieldServiceOf(db: Db, ticket: FieldTicket): Promise<FieldServiceView> {
  const [team, dispatches, appointment, visits, specialHours] = await Promise.all([
    findFieldTeam(db, ticket.number),
    db('dispatches as d')
      .join('field_engineers as e', 'e.id', 'd.engineer_id')
      .where('d.ticket_number', ticket.number)
      .orderBy([{ column: 'd.created_at' }, { column: 'd.id' }])
      .select('d.*', 'e.name', 'e.email'),
    findAppointment(db, ticket),
    listVisits(db, ticket.number),
    agreedOnsiteWindows(db, ticket.number),
  ]);
  const reports = await db('field_service_reports').whereIn(
    'visit_id',
    visits.map((visit) => visit.id),
  );
  return {
    ticket: ticket.number,
    team,
    dispatches: dispatches.map((d) => ({
      id: d.id,
      engineer: { id: d.engineer_id, name: d.name, email: d.email },
      appointmentAt: d.appointment_at.toISOString(),
      promiseDue: d.promise_due.toISOString(),
      dispatchedAt: d.created_at.toISOString(),
    })),
    appointment,
    specialHours,
    visits: visits.map((visit) => {
      const row = reports.find((report) => Number(report.visit_id) === visit.id);
      const out = visit.checkedOutAt;
      const specialHoursMinutes = out
        ? minutesWithin(specialHours, new Date(visit.checkedInAt), new Date(out))
        : null;
      return { ...visit, specialHoursMinutes, report: row ? toReport(visit, row, specialHours) : null };
    }),
  };
}

async function findFieldTeam(db: Db, ticketNumber: string): Promise<FieldServiceView['team']> {
  const row = await db('ticket_field_team as t')
    .join('field_engineers as f', 'f.id', 't.field_engineer_id')
    .leftJoin('field_engineers as s', 's.id', 't.second_line_engineer_id')
    .where('t.ticket_number', ticketNumber)
    .first(
      'f.id as fId',
      'f.name as fName',
      'f.email as fEmail',
      's.id as sId',
      's.name as sName',
      's.email as sEmail',
    );
  if (!row) return null;
  return {
    fieldEngineer: { id: row.fId, name: row.fName, email: row.fEmail },
    secondLineEngineer: row.sId ? { id: row.sId, name: row.sName, email: row.sEmail } : null,
  };
}
