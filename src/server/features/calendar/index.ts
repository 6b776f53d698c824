/** What other features use of the calendar feature: import it from here, not from its files. */
export { calendarSources, registerCalendarSource, type CalendarDeadline, type CalendarSource } from './calendar.sources.js';
