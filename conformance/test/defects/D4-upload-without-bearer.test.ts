import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './D4-upload-without-bearer.ts';

describeDefect(fixture, { security: false });
