/**
 * Microsoft's SARIF validator (npm @microsoft/sarif-multitool, pinned in package.json; a native
 * build of the SARIF SDK's Sarif.Multitool for each platform) run on a SARIF file, with the rules
 * of the SARIF specification and of GitHub code scanning's ingestion (`--rule-kind Sarif;Gh`), at
 * every level. Its own answer is a SARIF log; `problems` are its results of level error or warning.
 *
 * Rule SARIF2006 ("URIs should be reachable") sends an HTTP request for each URI of the file (the
 * `$schema`, the help page): it is switched off by a configuration file, so nothing here touches
 * the network (strace showed the validator connecting for it, and for nothing else).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OFFLINE_CONFIGURATION = `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`;

export interface ValidatorResult {
  readonly ruleId: string;
  readonly level: string;
  /** The rule's message with its arguments filled in. */
  readonly text: string;
}

export function validateSarif(sarifFile: string): { problems: ValidatorResult[]; notes: ValidatorResult[] } {
  // The package's main module answers the path of the platform's executable.
  const executable = require('@microsoft/sarif-multitool') as string;
  const scratch = mkdtempSync(join(tmpdir(), 'drplan-sarif-validator-'));
  try {
    const configuration = join(scratch, 'offline.xml');
    const output = join(scratch, 'validation.sarif');
    writeFileSync(configuration, OFFLINE_CONFIGURATION);
    const run = spawnSync(
      executable,
      ['validate', sarifFile, '--output', output, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--config', configuration],
      { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' } },
    );
    if (run.status !== 0) throw new Error(`the SARIF validator failed (${run.status}): ${run.stdout}${run.stderr}`);
    const log = JSON.parse(readFileSync(output, 'utf8')) as ValidatorLog;
    const run0 = log.runs[0];
    const invocation = run0?.invocations?.[0];
    if (invocation?.executionSuccessful !== true) throw new Error(`the SARIF validator could not check the file: ${JSON.stringify(invocation)}`);
    // Should the configuration no longer be read, SARIF2006 would go to the network: stop then.
    const configured = JSON.stringify(invocation.toolConfigurationNotifications ?? []);
    if (!configured.includes("Rule 'SARIF2006' was explicitly disabled")) throw new Error(`the SARIF validator did not switch SARIF2006 off: ${configured}`);
    const rules = new Map((run0?.tool.driver.rules ?? []).map((rule) => [rule.id, rule]));
    const results = (run0?.results ?? []).map((result): ValidatorResult => {
      const template = rules.get(result.ruleId)?.messageStrings?.[result.message.id ?? '']?.text ?? result.message.text ?? '';
      const text = template.replace(/\{(\d+)\}/g, (_, i: string) => result.message.arguments?.[Number(i)] ?? '');
      return { ruleId: result.ruleId, level: result.level ?? 'warning', text };
    });
    return { problems: results.filter((r) => r.level !== 'note'), notes: results.filter((r) => r.level === 'note') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface ValidatorLog {
  runs: {
    tool: { driver: { rules?: { id: string; messageStrings?: Record<string, { text: string }> }[] } };
    invocations?: { executionSuccessful?: boolean; toolConfigurationNotifications?: { message?: { text?: string } }[] }[];
    results?: { ruleId: string; level?: string; message: { id?: string; text?: string; arguments?: string[] } }[];
  }[];
}
