import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X9-keys-shared-by-all-callers.ts';

describeDefect(fixture);
