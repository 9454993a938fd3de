import { defineCheck } from '../../engine/check.ts';
import { feedDeclarations, feedLabel, type FeedDeclaration } from './declaration.ts';
import { FeedScenario } from './scenario.ts';

interface Target {
  decl: FeedDeclaration;
  /** Also mark the author a celebrity: the read-time side of a hybrid must meet the same bound. */
  celebrity: boolean;
}

/**
 * SN-FEED-FRESHNESS: a followed author's new post reaches the follower's home feed within x-feed.stalenessMs, on
 * both sides of the celebrity threshold, with nobody calling POST /feed/rebuild (the original's feed stayed empty).
 */
export default defineCheck<Target>({
  id: 'feed.visible-without-rebuild',
  title: "A followed author's new post is in the home feed within x-feed.stalenessMs, without a rebuild",
  clause: 'SN-FEED-FRESHNESS',
  tags: ['feed', 'defect:D6', 'needs:events'],
  failure: "A followed author's new post did not reach the follower's home feed within the declared staleness bound",
  targets: (spec) =>
    feedDeclarations(spec).flatMap((decl) => [
      { decl, celebrity: false },
      ...(decl.celebrity ? [{ decl, celebrity: true }] : []),
    ]),
  label: (t) => feedLabel(t.decl, t.celebrity ? "a followed celebrity's post" : "a followed author's post"),
  async run(ctx, { decl, celebrity }) {
    const s = new FeedScenario(ctx, decl);
    const [reader, author] = await Promise.all([s.reader(), s.author(celebrity ? 'celebrity' : 1)]);
    if (celebrity) await s.makeCelebrity(author);
    await s.relate('follow', reader, author);
    const post = await s.post(author);
    const seen = await s.until(reader, (ids) => ids.has(String(post.id)));
    ctx.observe('feed-visibility', {
      author: celebrity ? 'celebrity' : 'author',
      visible: seen.ok,
      ms: Date.now() - post.at,
      stalenessMs: decl.stalenessMs,
    });
    if (!seen.ok) {
      ctx.fail({
        severity: 'deviation',
        expected: `post ${post.id} of a followed ${celebrity ? 'celebrity' : 'author'} in ${decl.read.operationId} within ${decl.stalenessMs} ms, without the repair operation`,
        received: `not there after ${seen.ms} ms of polling; the last read listed ${seen.last.items.length} entries`,
        response: seen.last.response,
        operation: decl.read,
      });
    }
  },
});
