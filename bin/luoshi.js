#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx luoshi <command>` works from the repo root without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli/luoshi.ts');
