/** Routes of cooperating units and 协调请求; every write answers with the item's whole cooperation. */
import { idParams } from './common.js';
import {
  contributionBody,
  cooperationParams,
  decideCoordinationBody,
  escalateCoordinationBody,
  raiseCoordinationBody,
  setCooperationDutyBody,
  taskCooperation,
} from './cooperation.js';
import { defineRoute } from './route.js';

export const cooperationRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/tasks/:id/cooperation', params: idParams, response: taskCooperation }),
  setDuty: defineRoute({
    method: 'PUT',
    path: '/api/tasks/:id/cooperations/:unitId',
    params: cooperationParams,
    body: setCooperationDutyBody,
    response: taskCooperation,
  }),
  contribute: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/cooperations/:unitId/contribution',
    params: cooperationParams,
    body: contributionBody,
    response: taskCooperation,
  }),
  raiseCoordination: defineRoute({
    method: 'POST',
    path: '/api/tasks/:id/coordination',
    params: idParams,
    body: raiseCoordinationBody,
    response: taskCooperation,
  }),
  escalateCoordination: defineRoute({
    method: 'POST',
    path: '/api/coordination/:id/escalate',
    params: idParams,
    body: escalateCoordinationBody,
    response: taskCooperation,
  }),
  decideCoordination: defineRoute({
    method: 'POST',
    path: '/api/coordination/:id/decision',
    params: idParams,
    body: decideCoordinationBody,
    response: taskCooperation,
  }),
};
