import { describe, expect, it } from 'vitest';
import { problems, valid, withMonday } from './schema-fixtures';

describe('businessCalendarSchema rejects bad calendars', () => {
  it.each([
    [
      'a time without leading zero',
      withMonday([{ from: '8:00', to: '17:00' }]),
      'weekly.mon.0.from: must be a time HH:mm',
    ],
    [
      'an hour past 23',
      withMonday([{ from: '08:00', to: '25:00' }]),
      'weekly.mon.0.to: must be a time HH:mm',
    ],
    [
      'an opening at 24:00',
      withMonday([{ from: '24:00', to: '24:00' }]),
      'weekly.mon.0.from: must be a time HH:mm',
    ],
    [
      'an interval ending before it starts',
      withMonday([{ from: '17:00', to: '08:00' }]),
      'weekly.mon.0.to: must be later than "from"',
    ],
    [
      'an empty interval',
      withMonday([{ from: '08:00', to: '08:00' }]),
      'weekly.mon.0.to: must be later than "from"',
    ],
    [
      'overlapping intervals',
      withMonday([
        { from: '08:00', to: '12:00' },
        { from: '11:00', to: '17:00' },
      ]),
      'weekly.mon.1: 11:00–17:00 overlaps 08:00–12:00',
    ],
    [
      'overlapping intervals listed out of order',
      withMonday([
        { from: '11:00', to: '17:00' },
        { from: '08:00', to: '12:00' },
      ]),
      'weekly.mon.0: 11:00–17:00 overlaps 08:00–12:00',
    ],
    [
      'a missing weekday',
      { ...valid, weekly: { ...valid.weekly, sun: undefined } },
      'weekly.sun: must be a list of {from, to} intervals',
    ],
    [
      'an unknown time zone',
      { ...valid, timeZone: 'Mars/Olympus_Mons' },
      'timeZone: must be an IANA time zone',
    ],
    [
      'an unknown holiday country',
      { ...valid, holidays: { country: 'XX' } },
      'holidays.country: unknown holiday country "XX"',
    ],
    [
      'a lower-case country code',
      { ...valid, holidays: { country: 'co' } },
      'holidays.country: unknown holiday country "co"',
    ],
    [
      'an unknown state',
      { ...valid, holidays: { country: 'DE', state: 'ZZ' } },
      'holidays.state: unknown state "ZZ"',
    ],
    [
      'a region without a state',
      { ...valid, holidays: { country: 'DE', region: 'A' } },
      'holidays.region: a holiday region needs a state',
    ],
    [
      'an unknown region',
      { ...valid, holidays: { country: 'DE', state: 'BY', region: 'ZZ' } },
      'holidays.region: unknown region "ZZ"',
    ],
    [
      'an unknown holiday type',
      { ...valid, holidays: { country: 'CO', types: ['religious'] } },
      'holidays.types.0:',
    ],
    [
      'an empty list of holiday types',
      { ...valid, holidays: { country: 'CO', types: [] } },
      'holidays.types: must list at least one',
    ],
    [
      'an impossible exception date',
      { ...valid, exceptions: [{ date: '2026-02-30', hours: [] }] },
      'exceptions.0.date: must be a real date',
    ],
    [
      'an exception date in another format',
      { ...valid, exceptions: [{ date: '30/01/2026', hours: [] }] },
      'exceptions.0.date: must be a real date',
    ],
    [
      'the same exception date twice',
      {
        ...valid,
        exceptions: [
          { date: '2026-12-31', hours: [] },
          { date: '2026-12-31', hours: [] },
        ],
      },
      'exceptions.1.date: 2026-12-31 is listed twice',
    ],
    [
      'overlapping exception hours',
      {
        ...valid,
        exceptions: [
          {
            date: '2026-12-31',
            hours: [
              { from: '08:00', to: '12:00' },
              { from: '09:00', to: '10:00' },
            ],
          },
        ],
      },
      'exceptions.0.hours.1: 09:00–10:00 overlaps 08:00–12:00',
    ],
    ['a misspelt key', { ...valid, holiday: { country: 'CO' } }, ': Unrecognized key: "holiday"'],
    ['an empty id', { ...valid, id: '' }, 'id: must not be empty'],
  ])('rejects %s, naming the field', (_what, input, expected) => {
    expect(problems(input)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});
