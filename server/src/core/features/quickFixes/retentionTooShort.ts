import { replaceScalar } from '../../yaml/edit';
import type { QuickFixProvider } from './provider';
import { dataString, quoted } from './shared';

/** retention-too-short: set the retention to the interval, as the interval is written. */
export const retentionTooShort: QuickFixProvider = {
  code: 'retention-too-short',
  fixes(finding, context) {
    const interval = dataString(finding, 'interval');
    if (interval === undefined || finding.span.end <= finding.span.start) return [];
    const v = quoted(interval);
    return [
      {
        title: { de: `Aufbewahrung auf das Sicherungsintervall setzen (${v.de})`, en: `Set the retention to the interval (${v.en})` },
        edits: [replaceScalar(context.text, finding.span, interval)],
        findings: [finding],
        preferred: true,
      },
    ];
  },
};
