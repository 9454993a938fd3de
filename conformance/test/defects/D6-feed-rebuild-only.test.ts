import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './D6-feed-rebuild-only.ts';

describeDefect(fixture, { security: false });
