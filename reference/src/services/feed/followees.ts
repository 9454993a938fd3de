import type { Principal } from '../../shared/auth/principal.ts';
import { ServiceUnavailableError } from '../../shared/http/service-client.ts';
import { ProblemError } from '../../shared/problem/problem.ts';
import type { PlatformDeps } from '../../platform/deps.ts';

const PAGE = 100;
const MAX_PAGES = 50;

async function related(deps: PlatformDeps, as: Principal, type: number): Promise<string[]> {
  const ids: string[] = [];
  for (let pageNo = 0; pageNo < MAX_PAGES; pageNo++) {
    let answer;
    try {
      answer = await deps
        .client('users')
        .call('GET', `/relationships?type=${type}&limit=${PAGE}&offset=${pageNo * PAGE}`, { as, timeoutMs: 3000 });
    } catch (error) {
      if (error instanceof ServiceUnavailableError)
        throw new ProblemError('service-unavailable', error.message, { headers: { 'Retry-After': '5' } });
      throw error;
    }
    // unavailable upstream (e.g. its database restarting) is unavailable here too: the client may retry
    if (answer.status === 503)
      throw new ProblemError('service-unavailable', 'users service unavailable', {
        headers: { 'Retry-After': answer.headers.get('retry-after') ?? '5' },
      });
    if (answer.status !== 200) throw new ProblemError('bad-gateway', `users service answered ${answer.status}`);
    const items = (answer.body as { items: string[] }).items;
    ids.push(...items);
    if (items.length < PAGE) break;
  }
  return ids;
}

/** The authors of the caller's home feed: relationships of type 1 (follow) minus type 3 (block), from the users service. */
export async function homeAuthors(deps: PlatformDeps, as: Principal): Promise<string[]> {
  const [follows, blocks] = await Promise.all([related(deps, as, 1), related(deps, as, 3)]);
  const blocked = new Set(blocks);
  return follows.filter((id) => !blocked.has(id));
}
