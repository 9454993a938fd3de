import { defineCheck } from '../../engine/check.ts';
import { feedDeclarations, feedLabel, type FeedDeclaration } from './declaration.ts';
import { FeedScenario } from './scenario.ts';

const PER_AUTHOR = 4;

/**
 * SN-FEED-ORDER: two followed authors post alternately in quick succession (the original's whole-second scores
 * tied them, and its unstable sort broke ties arbitrarily). Read in pages of 3, the feed must list them, and
 * everything else, strictly in the declared order, each once.
 */
export default defineCheck<FeedDeclaration>({
  id: 'feed.order',
  title: 'The home feed lists entries strictly in the x-feed order (a total order), each post once',
  clause: 'SN-FEED-ORDER',
  tags: ['feed', 'needs:events'],
  failure: 'The home feed is not in the declared total order, or lists a post twice',
  targets: (spec) => feedDeclarations(spec),
  label: (d) => feedLabel(d, 'order of interleaved posts'),
  async run(ctx, decl) {
    const s = new FeedScenario(ctx, decl);
    const [reader, a, b] = await Promise.all([s.reader(), s.author(1), s.author(2)]);
    await s.relate('follow', reader, a);
    await s.relate('follow', reader, b);
    const posted: unknown[] = [];
    for (let i = 0; i < PER_AUTHOR; i++) for (const author of [a, b]) posted.push((await s.post(author)).id);
    await s.visible(reader, posted);
    // Read in small pages: the order must hold across page boundaries too (other posts may arrive meanwhile).
    const paged: any[] = [];
    let cursor: string | undefined;
    let last;
    for (let n = 0; n < 50; n++) {
      last = await s.page(reader, 3, cursor);
      paged.push(...last.items);
      if (!last.next) break;
      cursor = last.next;
    }
    const ids = paged.map((i) => s.idOf(i));
    const broken = s.orderBreak(paged);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    const missing = posted.map(String).filter((id) => !ids.includes(id));
    if (broken || twice.length > 0 || missing.length > 0) {
      ctx.fail({
        severity: 'deviation',
        expected: `entries strictly by ${decl.order.map((o) => `${o.field} ${o.desc ? 'desc' : 'asc'}`).join(', ')}, each once, including ${posted.join(', ')}`,
        received: [
          broken ?? '',
          twice.length ? `listed twice: ${[...new Set(twice)].join(', ')}` : '',
          missing.length ? `missing: ${missing.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        response: last?.response,
        operation: decl.read,
      });
    }
  },
});
