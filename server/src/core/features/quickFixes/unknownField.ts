import { isMap } from 'yaml';
import { nodeAtPointer, ownPair } from '../../yaml/pointer';
import { replaceScalar } from '../../yaml/edit';
import type { QuickFixProvider } from './provider';
import { dataString, quoted } from './shared';

/** unknown-field: the key → the closest known key, unless the mapping already has that key. */
export const unknownField: QuickFixProvider = {
  code: 'unknown-field',
  fixEvery: { de: 'Alle unbekannten Felder umbenennen', en: 'Rename all unknown fields' },
  unambiguous: true,
  fixes(finding, context) {
    const suggestion = dataString(finding, 'suggestion');
    const path = dataString(finding, 'path');
    if (!suggestion || path === undefined) return [];
    const target = nodeAtPointer(context.analysis.yaml, path);
    if (!target || !isMap(target.value) || ownPair(target.value, suggestion)) return [];
    const v = quoted(suggestion);
    return [
      {
        title: { de: `In ${v.de} umbenennen`, en: `Rename to ${v.en}` },
        edits: [replaceScalar(context.text, finding.span, suggestion)],
        findings: [finding],
        preferred: true,
      },
    ];
  },
};
