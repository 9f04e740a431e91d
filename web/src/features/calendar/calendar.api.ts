/** The working-day calendar: holidays and 调休 make-up workdays, which drive every deadline in the platform. */
import { calendarRoutes, type CalendarDay } from '@luoshi/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api/client';

/** Special days of one year. */
export function calendarYearQuery(year: number) {
  return queryOptions({
    queryKey: ['calendar', year],
    queryFn: () => call(calendarRoutes.year, { query: { year } }),
  });
}

/** `PUT /api/calendar/days/:day`: creates or replaces the entry of one date (system_admin). */
export function useSetCalendarDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ day, kind, name }: CalendarDay) => call(calendarRoutes.setDay, { params: { day }, body: { kind, name } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

/** `DELETE /api/calendar/days/:day`: the date becomes an ordinary workday or weekend again. */
export function useRemoveCalendarDay() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (day: string) => call(calendarRoutes.removeDay, { params: { day } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

/** `GET /api/calendar/working-days?from=&add=`: the date `add` working days after `from`. Run on demand. */
export function useAddWorkingDays() {
  return useMutation({
    mutationFn: ({ from, add }: { from: string; add: number }) => call(calendarRoutes.workingDays, { query: { from, add } }),
  });
}
