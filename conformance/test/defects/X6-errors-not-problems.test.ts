import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X6-errors-not-problems.ts';

describeDefect(fixture);
