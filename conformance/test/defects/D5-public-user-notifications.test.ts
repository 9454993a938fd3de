import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './D5-public-user-notifications.ts';

describeDefect(fixture, { security: true });
