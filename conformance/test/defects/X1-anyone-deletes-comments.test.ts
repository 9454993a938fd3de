import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X1-anyone-deletes-comments.ts';

describeDefect(fixture);
