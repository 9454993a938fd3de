#!/usr/bin/env node
// Registers tsx so the TypeScript sources run without a build step, then starts the CLI (on a supported Node: on an
// older one it runs itself again on the project's pinned Node, see supported-node.js).
import { onSupportedNode } from './supported-node.js';

await onSupportedNode('conformance');
const { register } = await import('tsx/esm/api');
register();
await import('../src/cli.ts');
