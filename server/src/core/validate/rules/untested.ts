import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** untested: a scenario without a measured recovery time has an unknown RTA (BSI 200-4). */
export const untested: Rule = ({ model, report }) => {
  for (const scenario of model.scenarios) {
    const measured = scenario.exercises.some((exercise) => exercise.node.has('recovery_time'));
    if (!measured) report({ code: 'untested', span: scenario.firstLine, message: messages.untested });
  }
};
