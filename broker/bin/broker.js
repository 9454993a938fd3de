#!/usr/bin/env node
// `socialnet-broker` (the package's bin): the CLI in src/cli.ts, run through tsx as the project runs all TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
