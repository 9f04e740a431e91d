/** HTTP for the working-day calendar: read for everyone, edit for the system administrator, and a calculator. */
import {
  calendarDay,
  calendarDayParams,
  calendarYearQuery,
  errorBody,
  okBody,
  setCalendarDayBody,
  workingDaysQuery,
  workingDaysResult,
} from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listCalendarYear } from '../../platform/calendar/calendar.service.js';
import type { Deps } from '../../platform/context.js';
import * as calendar from './calendar.service.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody } as const;

export function registerCalendarRoutes(server: FastifyInstance, deps: Deps): void {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: '节假日与调休 Holidays and make-up workdays of a year',
        querystring: calendarYearQuery,
        response: { 200: z.array(calendarDay), ...errors },
      },
    },
    (request) => listCalendarYear(deps.database.db, request.query.year),
  );
  app.put(
    '/calendar/days/:day',
    {
      config: { roles: ['system_admin'] },
      schema: {
        tags,
        summary: '设置节假日或调休上班日 Set a day',
        params: calendarDayParams,
        body: setCalendarDayBody,
        response: { 200: calendarDay, ...errors },
      },
    },
    (request) => calendar.setCalendarDay(deps, request.ctx, request.params.day, request.body),
  );
  app.delete(
    '/calendar/days/:day',
    {
      config: { roles: ['system_admin'] },
      schema: { tags, summary: '恢复为普通日 Remove a day', params: calendarDayParams, response: { 200: okBody, ...errors } },
    },
    async (request) => {
      await calendar.removeCalendarDay(deps, request.ctx, request.params.day);
      return { ok: true as const };
    },
  );
  app.get(
    '/calendar/working-days',
    {
      schema: {
        tags,
        summary: '工作日计算 Working-day arithmetic',
        querystring: workingDaysQuery,
        response: { 200: workingDaysResult, ...errors },
      },
    },
    (request) => calendar.computeWorkingDays(deps, request.query),
  );
}
