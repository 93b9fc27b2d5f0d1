import { businessCalendarSchema, itbxBogota, type BusinessCalendar } from '../../domain/calendar';

/** Issues as an admin would read them: "weekly.mon.0.to: must be later than "from"". */
export function problems(input: unknown): string[] {
  const result = businessCalendarSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** A valid calendar using every optional feature, to be broken one field at a time. */
export const valid: BusinessCalendar = {
  ...itbxBogota,
  holidays: { country: 'DE', state: 'BY', region: 'A', types: ['public', 'bank'] },
  exceptions: [{ date: '2026-12-31', hours: [{ from: '08:00', to: '12:00' }], reason: 'New Year’s Eve' }],
};

export const withMonday = (hours: unknown) => ({ ...valid, weekly: { ...valid.weekly, mon: hours } });
