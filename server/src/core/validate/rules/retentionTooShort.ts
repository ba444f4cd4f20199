import { durationText, everyText } from '../../duration';
import { messages } from '../../i18n/messages';
import type { Rule } from '../rule';

/**
 * retention-too-short: a backup is kept at least until the next one is taken. A retention
 * shorter than the interval leaves times when no backup is kept at all.
 */
export const retentionTooShort: Rule = ({ model, report }) => {
  for (const backup of model.backups) {
    const retention = backup.retention;
    const interval = backup.interval;
    if (retention?.minutes === undefined || interval?.minutes === undefined || retention.minutes >= interval.minutes) continue;
    report({
      code: 'retention-too-short',
      span: retention,
      message: messages.retentionTooShort(durationText(retention), everyText(interval)),
      // The quick fix writes the interval as the author wrote it.
      data: { interval: String(interval.value) },
    });
  }
};
