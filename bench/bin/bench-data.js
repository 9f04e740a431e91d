#!/usr/bin/env node
// Runs the TypeScript data generator through tsx (like bin/luoshi.js), so `npm run bench:data` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
