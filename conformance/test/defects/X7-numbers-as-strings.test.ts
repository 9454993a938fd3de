import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X7-numbers-as-strings.ts';

describeDefect(fixture);
