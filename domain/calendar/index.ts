export type {
  BusinessCalendar,
  CalendarException,
  HolidayRule,
  HolidayType,
  OpeningInterval,
  WallTime,
  Weekday,
} from './types';
export { HOLIDAY_TYPES, WEEKDAYS } from './types';
export { businessCalendarSchema } from './schema';
export {
  addBusinessMinutes,
  afterBusinessDays,
  businessMinutesBetween,
  isOpen,
  nextOpening,
  withinHours,
} from './business-time';
export { brocent24x7, customerSupportSop, itbxBogota, seedCalendars } from './seeds';
