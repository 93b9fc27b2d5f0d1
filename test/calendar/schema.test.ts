import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { businessCalendarSchema, seedCalendars } from '../../domain/calendar';
import { problems, valid, withMonday } from './schema-fixtures';

describe('businessCalendarSchema', () => {
  it.each(seedCalendars.map((cal) => [cal.id, cal] as const))(
    'accepts the %s seed and round-trips it through JSON',
    (_id, seed) => {
      expect(businessCalendarSchema.parse(JSON.parse(JSON.stringify(seed)))).toEqual(seed);
    },
  );

  it('accepts a state, a region, holiday types, exceptions and a 24:00 end', () => {
    expect(problems(valid)).toEqual([]);
    expect(problems(withMonday([{ from: '18:00', to: '24:00' }]))).toEqual([]);
  });

  it('accepts intervals that touch without overlapping', () => {
    expect(
      problems(
        withMonday([
          { from: '13:00', to: '17:00' },
          { from: '08:00', to: '13:00' },
        ]),
      ),
    ).toEqual([]);
  });

  it('reports a malformed time once, without also calling it out of order or overlapping', () => {
    expect(
      problems(
        withMonday([
          { from: '8:00', to: '07:00' },
          { from: '06:00', to: '09:00' },
        ]),
      ),
    ).toEqual(['weekly.mon.0.from: must be a time HH:mm from 00:00 to 23:59']);
  });

  it('gives an API a readable summary of every problem', () => {
    const result = businessCalendarSchema.safeParse({
      ...valid,
      timeZone: 'Nowhere',
      holidays: { country: 'XX' },
    });
    expect(result.success).toBe(false);
    const summary = z.prettifyError(result.error!);
    expect(summary).toContain('at timeZone');
    expect(summary).toContain('at holidays.country');
  });
});
