// The typed TypeScript client: openapi-typescript types of the gateway document plus a small openapi-fetch factory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOut, tsHeader } from './output.ts';
import { gatewayDoc } from './sources.ts';

const template = (name: string) => readFileSync(new URL(`./templates/${name}`, import.meta.url), 'utf8');

export function generateTsClient(out: string): void {
  const header = tsHeader({
    generator: 'scripts/generate/ts-client.ts (openapi-fetch factory)',
    sources: [gatewayDoc().rel],
  });
  writeOut(join(out, 'ts-client/client.ts'), header + template('client.ts.tmpl'));
  writeOut(join(out, 'ts-client/index.ts'), header + "export * from './client.ts';\n");
}
