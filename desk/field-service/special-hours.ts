import { afterBusinessDays, isOpen, type BusinessCalendar } from '../../domain/calendar';
import { planTermDefaults } from '../../domain/plan-terms';
import { onsiteWindows, type AgreedWindow } from '../../domain/work-plan';
import type { SlaView } from '../../domain/sla-view';
import type { Db } from '../../lib/db';
import { DeskError } from '../errors';

/** The special-hours windows on site the client agreed to in the ticket's approved plan (R16). */
export async function agreedOnsiteWindows(db: Db, number: string): Promise<AgreedWindow[]> {
  const row = await db('tickets').where({ number }).first('plan');
  return onsiteWindows(row?.plan);
}

/**
 * R16 for a field visit: an appointment outside the contract calendar's hours is special-hours work, kept only
 * when it falls in a window the client approved in the work plan. Otherwise 409 names how to agree one and
 * the earliest start the contract's notice allows from now.
 */
export async function refuseUnagreedSpecialHours(db: Db, number: string, at: Date): Promise<void> {
  const row = await db('tickets').where({ number }).first('sla');
  const sla = row?.sla as SlaView | null;
  const calendarRow = sla
    ? await db('business_calendars').where({ id: sla.calendarId }).first('definition')
    : null;
  const calendar = calendarRow?.definition as BusinessCalendar | undefined;
  if (!calendar || isOpen(calendar, at)) return;
  const windows = await agreedOnsiteWindows(db, number);
  if (windows.some((w) => Date.parse(w.start) <= at.getTime() && at.getTime() < Date.parse(w.end))) return;
  const noticeDays = sla?.specialHoursNoticeDays ?? planTermDefaults.specialHoursNoticeDays;
  const earliestStart = afterBusinessDays(calendar, new Date(), noticeDays).toISOString();
  throw DeskError.conflict(
    `${at.toISOString()} is outside the hours of ${calendar.name}: special-hours work must be agreed with the ` +
      `client as an on-site activity of the work plan, ${noticeDays} business days ahead; the earliest allowed ` +
      `start is ${earliestStart}`,
    { earliestStart },
  );
}
