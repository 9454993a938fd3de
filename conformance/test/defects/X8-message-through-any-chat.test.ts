import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X8-message-through-any-chat.ts';

describeDefect(fixture);
