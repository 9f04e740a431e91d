#!/usr/bin/env node
// Runs the daily-sweep timing through tsx, so `npm run bench:sweep` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/sweep.ts');
