#!/usr/bin/env node
// Runs the TypeScript benchmark runner through tsx (like bin/luoshi.js), so `npm run bench` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/run/cli.ts');
