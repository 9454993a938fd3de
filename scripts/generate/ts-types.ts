// TypeScript types of the OpenAPI documents (openapi-typescript): the gateway document for the client
// (ts-client/gateway.ts) and each service document for the services (server-types/<service>.ts).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { writeOut, tsHeader } from './output.ts';
import { gatewayDoc, serviceDocs, type SpecDoc } from './sources.ts';

const version = (createRequire(import.meta.url)('openapi-typescript/package.json') as { version: string }).version;
const generator = `openapi-typescript ${version}`;

async function typesOf(doc: SpecDoc): Promise<string> {
  const ast = await openapiTS(pathToFileURL(doc.file), { alphabetize: true, exportType: false, silent: true });
  return tsHeader({ generator, sources: [doc.rel] }) + astToString(ast);
}

export async function generateTsTypes(out: string): Promise<void> {
  const gateway = gatewayDoc();
  writeOut(join(out, 'ts-client/gateway.ts'), await typesOf(gateway));
  const services = serviceDocs();
  for (const doc of services) writeOut(join(out, 'server-types', `${doc.name}.ts`), await typesOf(doc));
  const index = services.map((d) => `export type * as ${d.name} from './${d.name}.ts';`).join('\n');
  writeOut(join(out, 'server-types/index.ts'), tsHeader({ generator: 'scripts/generate/ts-types.ts', sources: services.map((d) => d.rel) }) + index + '\n');
}
