import D1 from './D1-consumer-no-idempotency-no-dlq.ts';
import D2 from './D2-notifications-homemade-token.ts';
import D3 from './D3-no-chat-membership.ts';
import D4 from './D4-upload-without-bearer.ts';
import D5 from './D5-public-user-notifications.ts';
import D6 from './D6-feed-rebuild-only.ts';
import type { DefectFixture } from './fixture.ts';
import X1 from './X1-anyone-deletes-comments.ts';
import X2 from './X2-anyone-is-admin.ts';
import X4 from './X4-no-idempotency.ts';
import X5 from './X5-unvalidated-input.ts';
import X6 from './X6-errors-not-problems.ts';
import X7 from './X7-numbers-as-strings.ts';
import X8 from './X8-message-through-any-chat.ts';
import X9 from './X9-keys-shared-by-all-callers.ts';
import X10 from './X10-message-event-lost.ts';

export const DEFECTS: DefectFixture[] = [D1, D2, D3, D4, D5, D6, X1, X2, X4, X5, X6, X7, X8, X9, X10];
export type { DefectFixture };
