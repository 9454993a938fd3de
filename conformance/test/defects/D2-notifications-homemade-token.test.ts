import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './D2-notifications-homemade-token.ts';

describeDefect(fixture, { security: true });
