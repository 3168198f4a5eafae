#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx paydesk` works straight after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../electron/cli/main.ts');
process.exitCode = await run(process.argv.slice(2));
