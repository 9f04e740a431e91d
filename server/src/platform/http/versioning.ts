/**
 * Optimistic concurrency over HTTP: records carry a `version`; GET and PATCH answer `ETag: "<version>"`, and a
 * PATCH must send `If-Match: "<version>"` — a stale one gets 412 instead of silently overwriting someone's edit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (!header) throw new AppError('PRECONDITION_REQUIRED');
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match?.[1]) throw new AppError('VERSION_CONFLICT');
  return Number(match[1]);
}

export function withEtag<T extends { version: number }>(reply: FastifyReply, record: T): T {
  void reply.header('etag', `"${record.version}"`);
  return record;
}
