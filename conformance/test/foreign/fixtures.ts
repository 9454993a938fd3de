import type { ForeignFixture } from '../../src/prove-foreign.ts';
import type { StartedReference } from '../../src/reference.ts';
import { startForeignGateway, type ForeignBehaviour } from './foreign-gateway.ts';

/**
 * The foreign-style fixtures and the exact verdict of every target of each check they affect: the one statement of
 * them, read by `conformance prove` (src/prove-foreign.ts) and by foreign.test.ts. Each is the reference behind a
 * gateway that behaves like another team's implementation (foreign-gateway.ts, after
 * ../shared/system-under-review.md).
 */
const gateway =
  (behaviour: ForeignBehaviour | ((reference: StartedReference) => ForeignBehaviour)) =>
  (reference: StartedReference) =>
    startForeignGateway(reference.target.baseUrl!, typeof behaviour === 'function' ? behaviour(reference) : behaviour);

const MISSING = 'POST /api/notifications/test';
const REDIRECTED = 'GET /api/friends';
const ADMIN_ROUTES = ['DELETE /api/celebrities/{user_id}', 'POST /api/celebrities/{user_id}'];
const adminGuard = (reference: StartedReference) => ({
  name: 'X-Admin-Token',
  value: 'admin-3e7f',
  path: /^\/api\/celebrities\/[^/]+$/,
  secret: reference.jwtSecret,
});

export const FOREIGN_FIXTURES: ForeignFixture[] = [
  {
    id: 'missing-and-redirect',
    behaves:
      'POST /api/notifications/test is missing (404 {"error"}), GET /api/friends redirects to another origin (301)',
    start: gateway({
      missing: [{ method: 'POST', path: /^\/api\/notifications\/test$/ }],
      redirect: [{ method: 'GET', path: /^\/api\/friends$/, location: 'http://gateway.other.example/friends' }],
    }),
    expect: {
      'authn.accepts-valid-jwt': {
        targets: [
          { target: MISSING, outcome: 'not-implemented' },
          { target: REDIRECTED, outcome: 'fail-deviation' },
        ],
        others: 'pass',
      },
      'authn.rejects-bad-tokens': {
        targets: [
          { target: MISSING, outcome: 'not-implemented' },
          {
            target: REDIRECTED,
            outcome: 'blocked',
            reason: /^valid token redirected: 301 redirect to http:\/\/gateway.other.example\/friends/,
          },
          // Marking a notification read needs a notification, which only the missing operation creates: no control.
          {
            target: 'POST /api/notifications/{notification_id}/read',
            outcome: 'blocked',
            reason:
              /^no control request possible: the resources it needs could not be created \(creating a notification .* got 404/,
          },
        ],
        others: 'pass',
      },
    },
  },
  {
    id: 'no-op-writes',
    behaves: 'marking a notification read and leaving a chat answer 200 {} where the reference refuses (403/404)',
    start: gateway({
      noOpWrites: [
        { method: 'POST', path: /^\/api\/notifications\/[^/]+\/read$/ },
        { method: 'POST', path: /^\/api\/chats\/[^/]+\/leave$/ },
      ],
    }),
    // A deviation, not a breach, at prove's concurrency too: there other targets change a shared owner's notifications
    // while the stranger writes, so an effect counts only when it shows again on an owner of that attempt alone.
    expect: {
      'authz.owner': {
        targets: [{ target: 'POST /api/notifications/{notification_id}/read', outcome: 'fail-deviation' }],
        others: 'pass',
      },
      'authz.chat-membership': {
        targets: [{ target: 'POST /api/chats/{chat_id}/leave', outcome: 'fail-deviation' }],
        others: 'pass',
      },
      'authz.refused-write-unchanged': { others: 'pass' },
    },
  },
  {
    id: 'per-user-429',
    behaves: 'at most 4 requests a second per user on chats and messages, then 429 with Retry-After: 1',
    start: gateway({ rateLimit: { max: 4, windowMs: 1000, retryAfterS: 1, path: /^\/api\/(chats|messages)/ } }),
    expect: { 'authz.chat-membership': { others: 'pass' } },
  },
  {
    id: '429-beyond-budget',
    behaves: 'the chat history answers 429 with Retry-After: 3600, beyond a 10 s rate-limit budget',
    start: gateway({
      rateLimit: { max: 0, windowMs: 60_000, retryAfterS: 3600, path: /^\/api\/chats\/[^/]+\/messages$/ },
    }),
    options: () => ({ rateLimit: { perRequestMs: 5_000, perRunMs: 10_000 } }),
    expect: {
      // The history read's own target, and every write target (whose owner re-reads the history before and after the
      // stranger's attempt): nothing is judged on a 429.
      'authz.chat-membership': {
        targets: [
          {
            target: /^(GET \/api\/chats\/\{chat_id\}\/messages|(?!GET ).*)$/,
            outcome: 'rate-limited',
            reason: /429 \(Retry-After: 3600\) beyond the rate-limit budget/,
          },
        ],
        others: 'pass',
      },
    },
  },
  {
    id: 'required-claim',
    behaves: 'every bearer token must carry an `sh` (shard) claim, else 401; run without --token-claim',
    start: gateway({ requiredClaim: 'sh' }),
    expect: {
      'authn.rejects-bad-tokens': {
        targets: [
          {
            target: /./,
            outcome: 'blocked',
            reason: /^valid token refused: the control request with a valid token got 401/,
          },
        ],
        others: 'blocked',
      },
    },
  },
  {
    id: 'required-claim-given',
    behaves: 'the same, run with --token-claim sh=0',
    start: gateway({ requiredClaim: 'sh' }),
    options: () => ({ tokenClaims: { sh: 0 } }),
    expect: { 'authn.rejects-bad-tokens': { others: 'pass' } },
  },
  {
    id: 'admin-header',
    behaves: 'admin operations need a static X-Admin-Token header (403 without); run without --admin-header',
    start: gateway((reference) => ({ adminHeader: adminGuard(reference) })),
    expect: {
      'authn.rejects-bad-tokens': {
        targets: ADMIN_ROUTES.map((target) => ({
          target,
          outcome: 'blocked' as const,
          reason: /^valid token refused: the control request with a valid token got 403/,
        })),
        others: 'pass',
      },
      'authz.admin': { others: 'pass' },
    },
  },
  {
    id: 'admin-header-given',
    behaves: 'the same, run with --admin-header X-Admin-Token=admin-3e7f',
    start: gateway((reference) => ({ adminHeader: adminGuard(reference) })),
    options: () => ({ admin: { header: 'X-Admin-Token', value: 'admin-3e7f' } }),
    expect: {
      'authn.rejects-bad-tokens': { others: 'pass' },
      'authz.admin': { targets: ADMIN_ROUTES.map((target) => ({ target, outcome: 'pass' as const })), others: 'pass' },
    },
  },
  {
    id: 'media-without-owner-check',
    behaves:
      "any signed-in user deletes any media key (the original's media service: the key's owner is never checked)",
    start: gateway((reference) => ({
      asOwner: {
        method: 'DELETE',
        path: /^\/api\/media\/[^/]+$/,
        // the reference's keys name their owner: …/<owner id>_<random>
        owner: (path) => decodeURIComponent(path.split('/').pop()!).split('/').pop()!.split('_')[0]!,
        secret: reference.jwtSecret,
      },
    })),
    expect: {
      'authz.owner': {
        targets: [{ target: 'DELETE /api/media/{key}', outcome: 'fail-security' }],
        others: 'pass',
      },
      'authz.refused-write-unchanged': {
        targets: [{ target: 'DELETE /api/media/{key}', outcome: 'fail-security' }],
        others: 'pass',
      },
    },
  },
  {
    id: 'errors-as-400',
    behaves: 'every 4xx becomes 400 {"error": "..."} (the original\'s handlers), 401 and 403 included',
    start: gateway({ errorsAs400: true }),
    expect: {
      'authn.rejects-bad-tokens': { others: 'fail-deviation' },
      'authz.owner': { others: 'fail-deviation' },
    },
  },
  {
    id: 'consumer-without-effect',
    behaves: 'the notifications list is always empty: the messages.created consumer has no observable effect',
    start: gateway({ emptyReads: [{ path: /^\/api\/notifications$/, items: '/notifications' }] }),
    options: (reference) => ({ kafkaBrokers: reference.kafkaBrokers }),
    expect: {
      'events.consumer-idempotency': {
        targets: [{ target: /^messages\.created/, outcome: 'fail-deviation' }],
        others: 'pass',
      },
      'events.dlq': { targets: [{ target: /^messages\.created/, outcome: 'fail-deviation' }], others: 'pass' },
    },
  },
];
