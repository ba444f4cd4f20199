/**
 * GitHub workflow commands read back as the Actions runner reads a line of a step's output
 * (actions/runner, ActionCommand.TryParseV2): leading blanks trimmed, `::` then the command and
 * its properties up to the next `::`, properties split at `,` and each at its first `=`, the data
 * after. Values unescaped in the runner's order (%0D, %0A, then for properties %3A and %2C, %25
 * last). `undefined` for a line that is no command.
 */
export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly data: string;
}

export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  const message = line.trimStart();
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const property of info.slice(space + 1).trim().split(',').filter((p) => p !== '')) {
      const equals = property.indexOf('=');
      // The runner drops a property without a name or a value (Split with RemoveEmptyEntries).
      if (equals > 0 && equals < property.length - 1) properties[property.slice(0, equals)] = unescape(property.slice(equals + 1), true);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), false) };
}

function unescape(text: string, property: boolean): string {
  let result = text.replaceAll('%0D', '\r').replaceAll('%0A', '\n');
  if (property) result = result.replaceAll('%3A', ':').replaceAll('%2C', ',');
  return result.replaceAll('%25', '%');
}
