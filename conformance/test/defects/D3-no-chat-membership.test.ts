import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './D3-no-chat-membership.ts';

describeDefect(fixture, { security: true });
