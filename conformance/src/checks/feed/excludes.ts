import type { CheckContext } from '../../engine/context.ts';
import type { User } from '../../engine/identities.ts';
import { defineCheck } from '../../engine/check.ts';
import { feedDeclarations, feedLabel, type FeedDeclaration } from './declaration.ts';
import { FeedScenario, type FeedPage } from './scenario.ts';

interface Target {
  decl: FeedDeclaration;
  kind: string;
}

const KINDS = ['not-followed', 'unfollowed', 'blocked'];

/**
 * SN-FEED-EXCLUDES, one target per declared exclusion. "Never appears" is judged once the feed service has the post
 * (it is in its author's own feed) and a followed control author's later post is already in the reader's feed.
 */
export default defineCheck<Target>({
  id: 'feed.excludes',
  title: 'Posts of authors not followed, unfollowed or blocked by the reader are not in the home feed',
  clause: 'SN-FEED-EXCLUDES',
  tags: ['feed', 'needs:events'],
  failure: 'The home feed listed a post of an author it declares excluded',
  targets: (spec) => feedDeclarations(spec).flatMap((decl) => decl.excludes.map((kind) => ({ decl, kind }))),
  label: (t) => feedLabel(t.decl, `${t.kind} author`),
  async run(ctx, { decl, kind }) {
    if (!KINDS.includes(kind)) ctx.skip(`x-feed excludes "${kind}", which this suite does not know how to set up`);
    const s = new FeedScenario(ctx, decl);
    const [reader, excluded, control] = await Promise.all([s.reader(true), s.author(2), s.author(1)]);
    await s.relate('follow', reader, control);
    let last: FeedPage;
    let post: unknown;
    if (kind === 'unfollowed') {
      await s.relate('follow', reader, excluded);
      post = (await s.post(excluded)).id;
      await s.visible(reader, [post]);
      await s.relate('unfollow', reader, excluded);
      const gone = await s.until(reader, (ids) => !ids.has(String(post)));
      last = gone.last;
    } else {
      if (kind === 'blocked') {
        await s.relate('follow', reader, excluded); // followed and blocked: the block wins
        await s.relate('block', reader, excluded);
      }
      post = (await s.post(excluded)).id;
      await s.known(excluded, post);
      last = await s.visible(reader, [(await s.post(control)).id]);
    }
    if (s.ids(last).includes(String(post))) fail(ctx, decl, kind, excluded, post, last);
  },
});

function fail(
  ctx: CheckContext,
  decl: FeedDeclaration,
  kind: string,
  author: User,
  post: unknown,
  page: FeedPage,
): void {
  ctx.fail({
    severity: 'deviation',
    expected: `no post of the ${kind} author ${author.id} in ${decl.read.operationId}${kind === 'unfollowed' ? ` within ${decl.stalenessMs} ms of the unfollow` : ''}`,
    received: `post ${post} listed`,
    response: page.response,
    operation: decl.read,
  });
}
