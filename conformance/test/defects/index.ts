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

export const DEFECTS: DefectFixture[] = [D1, D2, D3, D4, D5, D6, X1, X2, X4];
export type { DefectFixture };
