import Holidays from 'date-holidays';
import { DateTime } from 'luxon';

/** The ITBX calendar's zone. */
export const bogotaZone = 'America/Bogota';

const colombia = new Holidays('CO');

/** Whether a Colombian public holiday closes the ITBX calendar on the Bogota date of `day`. */
export const isColombianHoliday = (day: DateTime) =>
  (colombia.isHoliday(day.toJSDate()) || []).some(
    (h) => h.type === 'public' && DateTime.fromJSDate(h.start, { zone: bogotaZone }).hasSame(day, 'day'),
  );
