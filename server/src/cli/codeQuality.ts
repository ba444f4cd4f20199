/**
 * `drplan check --format gitlab`: a GitLab Code Quality report, the JSON array of issues GitLab
 * reads from a job's `artifacts: reports: codequality:` and shows in the merge request. Each issue
 * has the fields GitLab documents for a custom tool ("Implement a custom tool"; others of the Code
 * Climate format it ignores): `description`, `check_name` (the code), `fingerprint`, `severity`,
 * `location.path` (relative to the repository) and `location.lines.begin` (1-based).
 *
 * GitLab tells a finding of the merge request from one of the target branch by its fingerprint
 * alone, and shows findings of one fingerprint as one. So the fingerprint is made of what names
 * the finding and not of where its line happens to be: the file, the code, the YAML path it points
 * at (findingPaths.ts: keys and item ids), what the finding is about where several stand at one
 * place (the key a missing-field lacks, the catalog type a missing-scenario misses), and how many
 * findings of all that came before it in the report (two alike in one place stay two).
 */
import { createHash } from 'node:crypto';
import type { PlanDiagnostic } from '../core';
import { repositoryPath, severityName, type FileResult } from './formats';
import type { PathSegment } from './findingPaths';

/**
 * GitLab's severities are info, minor, major, critical and blocker. An error is critical: it fails
 * the check (exit status 1) and means the plan does not hold (recovery longer than the RTO, a
 * backup lost with the system it restores). A warning is major: a gap an audit names (a review
 * overdue, a backup never restored in a test), not a matter of style. Information is info, it is
 * advice. Minor and blocker stay unused: below a warning there is only advice, and nothing weighs
 * more than an error.
 */
const SEVERITIES = { error: 'critical', warning: 'major', information: 'info', hint: 'info' } as const;

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: (typeof SEVERITIES)[keyof typeof SEVERITIES];
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** The report; every result must carry its paths (checkFiles' `findingPaths` option). */
export function formatCodeQuality(results: readonly FileResult[]): string {
  const seen = new Map<string, number>();
  const issues: CodeQualityIssue[] = [];
  for (const { file, diagnostics, paths } of results) {
    if (!paths || paths.length !== diagnostics.length) throw new Error(`the findings of ${file} came without their YAML paths`);
    const path = repositoryPath(file);
    diagnostics.forEach((d, i) => {
      const identity = JSON.stringify([path, d.code, paths[i] as readonly PathSegment[], ...facts(d)]);
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      issues.push({
        description: d.message,
        check_name: d.code,
        fingerprint: createHash('sha256').update(`${identity}#${occurrence}`).digest('hex'),
        severity: SEVERITIES[severityName(d)],
        location: { path, lines: { begin: d.range.start.line + 1 } },
      });
    });
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * The facts of a diagnostic's `data` that tell apart findings of one code at one place: a
 * missing-field stands on the mapping that lacks the key (`field`), every missing-scenario on the
 * `scenarios` key (`type`). Figures (a measured value, a sum of minutes) are left out: a finding
 * whose figure changes is still the same finding.
 */
const IDENTIFYING_FACTS = ['field', 'type'] as const;

function facts(d: PlanDiagnostic): unknown[] {
  const data = d.data as Readonly<Record<string, unknown>> | undefined;
  return IDENTIFYING_FACTS.map((fact) => data?.[fact] ?? null);
}
