import { afterAll, beforeAll, expect, it } from 'vitest';
import { withPostgres } from '../../scripts/testing/infra.ts';
import { startSingleService } from '../src/platform/single-service.ts';
import { freshDatabase } from '../../scripts/testing/scratch-database.ts';
import { asForm, form } from './support/forms.ts';
import { TEST_SECRET } from './support/targets.ts';
import type { posts as postsApi, users as usersApi } from '@socialnet/generated/server-types/index.ts';
import { createServiceClient } from '@socialnet/generated/ts-client/index.ts';

// Each service alone on its own port, given the URLs of the services it calls (as `main.ts --service` runs them).
withPostgres('services started alone, calling each other over HTTP', (adminUrl) => {
  const closers: (() => Promise<void>)[] = [];
  let urls: Record<'users' | 'media' | 'posts', string>;
  beforeAll(async () => {
    const database = await freshDatabase(adminUrl, 'ref');
    closers.push(database.drop);
    const common = { jwtSecret: TEST_SECRET, databaseUrl: database.url, logLevel: 'silent' };
    const users = await startSingleService({ ...common, service: 'users', serviceUrls: {} });
    const media = await startSingleService({ ...common, service: 'media', serviceUrls: {} });
    // feedback deliberately not running: post reads degrade instead of failing
    const posts = await startSingleService({
      ...common,
      service: 'posts',
      serviceUrls: { media: media.url, feedback: 'http://127.0.0.1:9' },
    });
    closers.unshift(users.close, media.close, posts.close);
    urls = { users: users.url, media: media.url, posts: posts.url };
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  it('posts uploads through the separately running media service as the caller, and degrades counts without feedback', async () => {
    const anonymous = createServiceClient<usersApi.paths>({ baseUrl: urls.users });
    const registered = await anonymous.POST('/users', {
      body: { email: `solo-${Date.now()}@example.com`, password: 'correct-horse', name: 'solo' },
    });
    const { access_token: token, user_id: userId } = registered.data!;
    const posts = createServiceClient<postsApi.paths>({ baseUrl: urls.posts, token });
    const upload = await posts.POST('/posts/upload', {
      body: form({ description: 'alone' }, { name: 'a.txt', type: 'text/plain', bytes: 'a' }) as never,
      ...asForm,
    });
    const post = upload.data!;
    expect(post.media.startsWith(`${urls.media}/media/posts%2F${encodeURIComponent(userId)}_`)).toBe(true);
    const read = await posts.GET('/posts/{post_id}', { params: { path: { post_id: post.id } } });
    expect(read.data).toMatchObject({ id: post.id, likes: 0, comments: 0, counts_degraded: true });
  });
});
