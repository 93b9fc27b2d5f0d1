import type { BusinessCalendar, OpeningInterval } from './types';

const ALL_DAY: OpeningInterval[] = [{ from: '00:00', to: '24:00' }];

/** Field service runs around the clock, so SLA time is plain elapsed time; UTC avoids any DST question. */
export const brocent24x7: BusinessCalendar = {
  id: 'brocent-24x7',
  name: 'BROCENT field service (24x7)',
  timeZone: 'UTC',
  weekly: {
    mon: ALL_DAY,
    tue: ALL_DAY,
    wed: ALL_DAY,
    thu: ALL_DAY,
    fri: ALL_DAY,
    sat: ALL_DAY,
    sun: ALL_DAY,
  },
};

const SOP_WEEKDAY: OpeningInterval[] = [{ from: '10:00', to: '17:40' }];

// The SOP names no time zone and no holidays; it comes from an Indian organization, hence Asia/Kolkata.
export const customerSupportSop: BusinessCalendar = {
  id: 'customer-support-sop',
  name: 'Customer support SOP (Mon–Fri 10:00–17:40, Sat 09:30–13:30)',
  timeZone: 'Asia/Kolkata',
  weekly: {
    mon: SOP_WEEKDAY,
    tue: SOP_WEEKDAY,
    wed: SOP_WEEKDAY,
    thu: SOP_WEEKDAY,
    fri: SOP_WEEKDAY,
    sat: [{ from: '09:30', to: '13:30' }],
    sun: [],
  },
};

const ITBX_WEEKDAY: OpeningInterval[] = [{ from: '08:00', to: '17:00' }];

export const itbxBogota: BusinessCalendar = {
  id: 'itbx-bogota',
  name: 'ITBX Bogotá (Mon–Fri 08:00–17:00, Sat 09:00–12:00, Colombian public holidays closed)',
  timeZone: 'America/Bogota',
  weekly: {
    mon: ITBX_WEEKDAY,
    tue: ITBX_WEEKDAY,
    wed: ITBX_WEEKDAY,
    thu: ITBX_WEEKDAY,
    fri: ITBX_WEEKDAY,
    sat: [{ from: '09:00', to: '12:00' }],
    sun: [],
  },
  holidays: { country: 'CO', types: ['public'] },
};

export const seedCalendars: BusinessCalendar[] = [brocent24x7, customerSupportSop, itbxBogota];
