/** Routes of the working-day calendar: a year's special days, editing a day, and the working-day calculator. */
import { z } from 'zod';
import { calendarDay, calendarDayParams, calendarYearQuery, setCalendarDayBody, workingDaysQuery, workingDaysResult } from './calendar.js';
import { okBody } from './common.js';
import { defineRoute } from './route.js';

export const calendarRoutes = {
  year: defineRoute({ method: 'GET', path: '/api/calendar', query: calendarYearQuery, response: z.array(calendarDay) }),
  setDay: defineRoute({
    method: 'PUT',
    path: '/api/calendar/days/:day',
    params: calendarDayParams,
    body: setCalendarDayBody,
    response: calendarDay,
  }),
  removeDay: defineRoute({ method: 'DELETE', path: '/api/calendar/days/:day', params: calendarDayParams, response: okBody }),
  workingDays: defineRoute({ method: 'GET', path: '/api/calendar/working-days', query: workingDaysQuery, response: workingDaysResult }),
};
