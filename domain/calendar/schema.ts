import Holidays from 'date-holidays';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { HOLIDAY_TYPES, type BusinessCalendar } from './types';

// Admins upload calendars through the API, so every message says what is expected, and strict objects
// reject misspelt keys that would otherwise be dropped silently (a lost "holidays" would go unnoticed).

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const isEnd = (v: string) => HH_MM.test(v) || v === '24:00';
// Zero-padded HH:mm strings sort like the times they denote, '24:00' last.
const isWellFormed = (i: { from: string; to: string }) => HH_MM.test(i.from) && isEnd(i.to) && i.from < i.to;
const registry = new Holidays();

const openingIntervalSchema = z
  .strictObject({
    from: z.string().regex(HH_MM, 'must be a time HH:mm from 00:00 to 23:59'),
    to: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time HH:mm from 00:01 to 24:00'),
  })
  // Bad times are reported above; only well-formed ones are compared.
  .refine((i) => !(HH_MM.test(i.from) && isEnd(i.to)) || i.from < i.to, {
    message: 'must be later than "from"',
    path: ['to'],
  });

const dayHoursSchema = z
  .array(openingIntervalSchema, { error: 'must be a list of {from, to} intervals ([] = closed)' })
  .superRefine((hours, ctx) => {
    const byStart = hours
      .map((h, index) => ({ ...h, index }))
      .filter(isWellFormed)
      .sort((x, y) => (x.from < y.from ? -1 : 1));
    for (let k = 1; k < byStart.length; k++) {
      const prev = byStart[k - 1]!;
      const cur = byStart[k]!;
      if (cur.from < prev.to) {
        ctx.addIssue({
          code: 'custom',
          message: `${cur.from}–${cur.to} overlaps ${prev.from}–${prev.to}`,
          path: [cur.index],
        });
      }
    }
  });

const holidayRuleSchema = z
  .strictObject({
    country: z.string(),
    state: z.string().optional(),
    region: z.string().optional(),
    types: z.array(z.enum(HOLIDAY_TYPES)).min(1, 'must list at least one holiday type').optional(),
  })
  .superRefine((rule, ctx) => {
    const unknown = (path: string, what: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message: what });
    if (!Object.hasOwn(registry.getCountries(), rule.country)) {
      unknown(
        'country',
        `unknown holiday country "${rule.country}" (ISO 3166-1 alpha-2 code known to date-holidays, e.g. "CO")`,
      );
    } else if (
      rule.state !== undefined &&
      !Object.hasOwn(registry.getStates(rule.country) ?? {}, rule.state)
    ) {
      unknown('state', `unknown state "${rule.state}" for holiday country "${rule.country}"`);
    }
    if (rule.region !== undefined && rule.state === undefined) {
      unknown('region', 'a holiday region needs a state');
    } else if (rule.region !== undefined && rule.state !== undefined) {
      const regions = registry.getRegions(rule.country, rule.state) ?? {};
      if (!Object.hasOwn(regions, rule.region))
        unknown('region', `unknown region "${rule.region}" for "${rule.country}-${rule.state}"`);
    }
  });

const exceptionSchema = z.strictObject({
  date: z.iso.date({ error: 'must be a real date YYYY-MM-DD' }),
  hours: dayHoursSchema,
  reason: z.string().optional(),
});

const weekdayHours = {
  mon: dayHoursSchema,
  tue: dayHoursSchema,
  wed: dayHoursSchema,
  thu: dayHoursSchema,
  fri: dayHoursSchema,
  sat: dayHoursSchema,
  sun: dayHoursSchema,
};

export const businessCalendarSchema: z.ZodType<BusinessCalendar> = z.strictObject({
  id: z.string().min(1, 'must not be empty'),
  name: z.string().min(1, 'must not be empty'),
  timeZone: z
    .string()
    .refine((tz) => IANAZone.isValidZone(tz), 'must be an IANA time zone, e.g. "America/Bogota"'),
  weekly: z.strictObject(weekdayHours),
  holidays: holidayRuleSchema.optional(),
  exceptions: z
    .array(exceptionSchema)
    .superRefine((exceptions, ctx) => {
      const seen = new Set<string>();
      exceptions.forEach((e, index) => {
        if (seen.has(e.date))
          ctx.addIssue({ code: 'custom', path: [index, 'date'], message: `${e.date} is listed twice` });
        seen.add(e.date);
      });
    })
    .optional(),
});
