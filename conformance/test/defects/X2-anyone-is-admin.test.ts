import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X2-anyone-is-admin.ts';

describeDefect(fixture);
