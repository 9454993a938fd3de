import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X10-message-event-lost.ts';

describeDefect(fixture);
