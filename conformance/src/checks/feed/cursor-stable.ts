import { defineCheck } from '../../engine/check.ts';
import { feedDeclarations, feedLabel, type FeedDeclaration } from './declaration.ts';
import { FeedScenario } from './scenario.ts';

const INITIAL = 5;
const PAGE = 2;

/**
 * SN-FEED-CURSOR-STABLE: page through the home feed with next_cursor while the followed author keeps posting (each
 * new post confirmed at the head before the next page is read). Every entry present at the start is seen exactly
 * once and in order; the original's offset pages repeated entries whenever a post arrived at the head.
 */
export default defineCheck<FeedDeclaration>({
  id: 'feed.cursor-stable',
  title: 'Paging the home feed with next_cursor while posts arrive repeats and skips nothing',
  clause: 'SN-FEED-CURSOR-STABLE',
  tags: ['feed', 'needs:events'],
  failure: 'Paging the home feed while posts arrived repeated or skipped an entry',
  targets: (spec) => feedDeclarations(spec).filter((d) => d.cursor !== undefined),
  label: (d) => feedLabel(d, `pages of ${PAGE} while posts arrive`),
  async run(ctx, decl) {
    const s = new FeedScenario(ctx, decl);
    const [reader, author] = await Promise.all([s.reader(), s.author(1)]);
    await s.relate('follow', reader, author);
    const initial: unknown[] = [];
    for (let i = 0; i < INITIAL; i++) initial.push((await s.post(author)).id);
    const start = s.ids(await s.visible(reader, initial));

    const seen: string[] = [];
    const items: any[] = [];
    let cursor: string | undefined;
    let last;
    for (let n = 0; n <= start.length; n++) {
      last = await s.page(reader, PAGE, cursor);
      items.push(...last.items);
      seen.push(...s.ids(last));
      if (!last.next) break;
      cursor = last.next;
      await s.visible(reader, [(await s.post(author)).id]); // a new post is at the head before the next page
    }
    const repeated = seen.filter((id, i) => seen.indexOf(id) !== i);
    const skipped = start.filter((id) => !seen.includes(id));
    const broken = s.orderBreak(items);
    if (repeated.length > 0 || skipped.length > 0 || broken) {
      ctx.fail({
        severity: 'deviation',
        expected: `each of ${start.join(', ')} exactly once, in order, across the pages`,
        received: [
          `pages listed ${seen.join(', ')}`,
          repeated.length ? `repeated ${[...new Set(repeated)].join(', ')}` : '',
          skipped.length ? `skipped ${skipped.join(', ')}` : '',
          broken ? `out of order: ${broken}` : '',
        ]
          .filter(Boolean)
          .join('; '),
        response: last?.response,
        operation: decl.read,
      });
    }
  },
});
