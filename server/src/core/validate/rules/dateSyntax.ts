import { dateFields } from '../../model/timeFields';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/** invalid-date: every date field is a real `YYYY-MM-DD` calendar date. */
export const dateSyntax: Rule = ({ model, report }) => {
  for (const { field, value } of dateFields(model)) {
    if (value.day !== undefined) continue;
    report({ code: 'invalid-date', span: value, message: messages.invalidDate(field, String(value.value)), data: { field } });
  }
};
