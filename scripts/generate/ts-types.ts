// TypeScript types of the OpenAPI documents (openapi-typescript): the gateway document for the client
// (ts-client/gateway.ts) and each service document for the services (server-types/<service>.ts), with helper types
// that read a handler's body, parameters and responses from an operation (server-types/helpers.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { writeOut, tsHeader } from './output.ts';
import { gatewayDoc, serviceDocs, type SpecDoc } from './sources.ts';

const version = (createRequire(import.meta.url)('openapi-typescript/package.json') as { version: string }).version;
const generator = `openapi-typescript ${version}`;

/**
 * `side` decides what a property with a `default` is. A client may leave it out (the server fills it in), so in the
 * client's types it stays optional as the schema says (`defaultNonNullable: false`): otherwise
 * `api.POST('/api/chats', { body: { name } })` would not compile. A service's handler receives the body after
 * validation has filled every default in, so there it is always present (openapi-typescript's default).
 */
async function typesOf(doc: SpecDoc, side: 'client' | 'server'): Promise<string> {
  const ast = await openapiTS(pathToFileURL(doc.file), { alphabetize: true, exportType: false, silent: true, defaultNonNullable: side === 'server' });
  return tsHeader({ generator, sources: [doc.rel] }) + astToString(ast);
}

export async function generateTsTypes(out: string): Promise<void> {
  const gateway = gatewayDoc();
  writeOut(join(out, 'ts-client/gateway.ts'), await typesOf(gateway, 'client'));
  const services = serviceDocs();
  for (const doc of services) writeOut(join(out, 'server-types', `${doc.name}.ts`), await typesOf(doc, 'server'));
  const own = tsHeader({ generator: 'scripts/generate/ts-types.ts', sources: services.map((d) => d.rel) });
  const template = readFileSync(new URL('./templates/server-helpers.ts.tmpl', import.meta.url), 'utf8');
  writeOut(join(out, 'server-types/helpers.ts'), own + template);
  const index = [...services.map((d) => `export type * as ${d.name} from './${d.name}.ts';`), "export type * from './helpers.ts';"];
  writeOut(join(out, 'server-types/index.ts'), own + index.join('\n') + '\n');
}
