#!/usr/bin/env node
// Runs the hot-query EXPLAIN tool through tsx, so `npm run bench:explain` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/plans/explain-cli.ts');
