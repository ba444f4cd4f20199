import type { DiagnosticCode } from '../../types';
import type { Finding } from '../../validate/diagnostic';
import { approvalMissing } from './approvalMissing';
import { categoryMismatch } from './categoryMismatch';
import { invalidDuration } from './invalidDuration';
import { invalidValue } from './invalidValue';
import { missingField } from './missingField';
import { missingScenario } from './missingScenario';
import { noDeputy } from './noDeputy';
import type { Fix, FixContext, QuickFixProvider } from './provider';
import { retentionTooShort } from './retentionTooShort';
import { unknownField } from './unknownField';
import { unknownReference } from './unknownReference';

/**
 * The quick fixes, one provider per diagnostic code, each in its own module. A new code with a
 * fix is one module and one line here.
 *
 * | code | fix |
 * | --- | --- |
 * | missing-field | insert the field with a placeholder; all missing fields of that mapping |
 * | unknown-field | rename the key to the closest known one |
 * | invalid-value | the closest enumeration value; `drplan: 1` → `"1"`; `ja`/`nein` → true/false |
 * | unknown-reference | the closest defined id |
 * | invalid-duration | the one clear repair (`30m` → `30 min`) |
 * | category-mismatch | set `category` to the category of the scenario's type |
 * | missing-scenario | insert a scenario skeleton from the catalog; all missing scenarios; list it as not applicable |
 * | retention-too-short | set the retention to the interval |
 * | approval-missing | add an approval of the current version, the cursor on `by` |
 * | no-deputy | insert `deputy:` into the contact, the cursor there |
 */
export const QUICK_FIXES: readonly QuickFixProvider[] = [
  missingField,
  unknownField,
  invalidValue,
  unknownReference,
  invalidDuration,
  categoryMismatch,
  missingScenario,
  retentionTooShort,
  approvalMissing,
  noDeputy,
];

const BY_CODE: ReadonlyMap<DiagnosticCode, QuickFixProvider> = new Map(QUICK_FIXES.map((provider) => [provider.code, provider]));

/** The provider of a code's fixes, if it has any. */
export function quickFixProvider(code: DiagnosticCode): QuickFixProvider | undefined {
  return BY_CODE.get(code);
}

/** The fixes of one finding. */
export function fixesFor(finding: Finding, context: FixContext): Fix[] {
  return quickFixProvider(finding.code)?.fixes(finding, context) ?? [];
}

export { FixContext, type CodeActionOptions, type Fix, type QuickFixProvider } from './provider';
