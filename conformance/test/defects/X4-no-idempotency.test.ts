import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X4-no-idempotency.ts';

describeDefect(fixture);
