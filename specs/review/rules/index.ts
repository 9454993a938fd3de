// Every semantic review rule, in report order (security first). Add a rule: one file here, one table test.
import authzLoosened from './sn-review-authz-loosened.ts';
import clauseChanged from './sn-review-clause-changed.ts';
import consumerDlqDropped from './sn-review-consumer-dlq-dropped.ts';
import emitsDropped from './sn-review-emits-dropped.ts';
import envelopeFieldRemoved from './sn-review-envelope-field-removed.ts';
import feedGuaranteeWeakened from './sn-review-feed-guarantee-weakened.ts';
import idempotencyScopeWidened from './sn-review-idempotency-scope-widened.ts';
import idempotencyWeakened from './sn-review-idempotency-weakened.ts';
import operationPublic from './sn-review-operation-public.ts';
import retryDlqTopicRemoved from './sn-review-retry-dlq-topic-removed.ts';
import securityOptional from './sn-review-security-optional.ts';
import type { ReviewRule } from './rule.ts';

export const RULES: readonly ReviewRule[] = [
  authzLoosened,
  operationPublic,
  securityOptional,
  idempotencyScopeWidened,
  idempotencyWeakened,
  emitsDropped,
  envelopeFieldRemoved,
  retryDlqTopicRemoved,
  consumerDlqDropped,
  feedGuaranteeWeakened,
  clauseChanged,
];

export type { ReviewRule };
