/**
 * The warnings module has no routes of its own: 办理时限与预警设置 moved to the sources module. Until app.ts registers
 * `registerSourceRoutes` itself (requested of its owner), this registers them, so the routes stay where they were.
 */
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { registerSourceRoutes } from '../sources/index.js';

export function registerWarningRoutes(server: FastifyInstance, deps: Deps): void {
  registerSourceRoutes(server, deps);
}
