import { describeDefect } from '../harness/defect-suite.ts';
import fixture from './X11-any-member-adds-members.ts';

describeDefect(fixture);
