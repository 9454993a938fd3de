// A small JSON-over-HTTP control interface on loopback, so another process (the conformance suite, a
// service under test) can inject faults. Errors use RFC 9457 problem+json.
//   GET    /state                      topics and groups
//   GET    /faults                     active rules          DELETE /faults       clear them
//   POST   /faults                     {api, action: error|drop|delay|no-reply, errorCode, when, ms, count, clientId, groupId, topic}
//   DELETE /faults/:id
//   POST   /groups/:id/expire          {memberId?}           POST /groups/:id/rebalance
//   POST   /connections/drop           {clientId?}
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrokerState } from '../context.ts';
import {
  addFault,
  BadRequest,
  describeState,
  dropConnections,
  expireMember,
  forceRebalance,
  listFaults,
} from './routes.ts';

export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;

function send(res: http.ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

function problem(res: http.ServerResponse, status: number, title: string, detail: string): void {
  send(res, status, { type: 'about:blank', title, status, detail }, 'application/problem+json');
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BadRequest('body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new BadRequest('body must be a JSON object');
  return parsed as Record<string, unknown>;
}

async function route(state: BrokerState, req: http.IncomingMessage): Promise<[number, unknown] | null> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const m = req.method ?? 'GET';
  const [a, b, c] = parts;
  if (m === 'GET' && a === 'state' && !b) return [200, describeState(state)];
  if (a === 'faults' && !b) {
    if (m === 'GET') return [200, listFaults(state)];
    if (m === 'POST') return [201, addFault(state, await readJson(req))];
    if (m === 'DELETE') {
      state.faults.clear();
      return [204, null];
    }
  }
  if (a === 'faults' && b && !c && m === 'DELETE') return state.faults.remove(Number(b)) ? [204, null] : null;
  if (a === 'groups' && b && m === 'POST' && parts.length === 3) {
    if (c === 'expire') return [200, expireMember(state, b, await readJson(req))];
    if (c === 'rebalance') return [200, forceRebalance(state, b)];
  }
  if (a === 'connections' && b === 'drop' && !c && m === 'POST')
    return [200, dropConnections(state, await readJson(req))];
  return null;
}

export function startControlServer(state: BrokerState, host: string, port: number): Promise<ControlServer> {
  const server = http.createServer((req, res) => {
    route(state, req).then(
      (out) => {
        if (!out) return problem(res, 404, 'Not Found', `no control operation ${req.method} ${req.url}`);
        const [status, body] = out;
        if (status === 204) {
          res.writeHead(204).end();
          return;
        }
        send(res, status, body);
      },
      (err: unknown) => {
        if (err instanceof BadRequest) problem(res, 400, 'Bad Request', err.message);
        else problem(res, 500, 'Internal Server Error', (err as Error).message);
      },
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${bound}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
