import D2 from './D2-notifications-homemade-token.ts';
import D3 from './D3-no-chat-membership.ts';
import D4 from './D4-upload-without-bearer.ts';
import D5 from './D5-public-user-notifications.ts';
import type { DefectFixture } from './fixture.ts';

export const DEFECTS: DefectFixture[] = [D2, D3, D4, D5];
export type { DefectFixture };
