/** @module Calendar: support hours in a time zone, Dutch public holidays, and support-time arithmetic for SLA clocks. */
export { dutchPublicHoliday } from './holidays.js';
export { isoDate, isoWeekday, LocalTime, localTime } from './local-time.js';
export { type MinuteRange, scheduleFor, supportDayMinutes, weeklyRanges } from './schedule.js';
export { type SupportStatus, supportStatusAt } from './status.js';
export { addSupportTime, durationMinutes, supportMinutesBetween } from './support-time.js';
export { type Interval, type SupportCalendar, supportCalendar } from './support-windows.js';
