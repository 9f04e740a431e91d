/** HTTP for the working-day calendar: read for everyone, edit for the system administrator, and a calculator. */
import { calendarRoutes } from '@luoshi/contracts';
import type { FastifyInstance } from 'fastify';
import { listCalendarYear } from '../../platform/calendar/calendar.service.js';
import type { Deps } from '../../platform/context.js';
import { addRoute } from '../../platform/http/route.js';
import * as calendar from './calendar.service.js';

export function registerCalendarRoutes(app: FastifyInstance, deps: Deps): void {
  const tags = ['calendar'];
  addRoute(app, calendarRoutes.year, { tags, summary: '节假日与调休 Holidays and make-up workdays of a year' }, (request) =>
    listCalendarYear(deps.database.db, request.query.year),
  );
  addRoute(
    app,
    calendarRoutes.setDay,
    { config: { roles: ['system_admin'] }, tags, summary: '设置节假日或调休上班日 Set a day' },
    (request) => calendar.setCalendarDay(deps, request.ctx, request.params.day, request.body),
  );
  addRoute(
    app,
    calendarRoutes.removeDay,
    { config: { roles: ['system_admin'] }, tags, summary: '恢复为普通日 Remove a day' },
    async (request) => {
      await calendar.removeCalendarDay(deps, request.ctx, request.params.day);
      return { ok: true as const };
    },
  );
  addRoute(app, calendarRoutes.workingDays, { tags, summary: '工作日计算 Working-day arithmetic' }, (request) =>
    calendar.computeWorkingDays(deps, request.query),
  );
}
