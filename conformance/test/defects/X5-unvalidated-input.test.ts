import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X5-unvalidated-input.ts';

describeDefect(fixture);
