// The problem counts in VS Code's status bar, for the e2e paths through the workbench.

/** The status bar's problem counts: errors, warnings, infos (its text reads "5 0 11"). */
export async function problemCounts(page) {
  const text = await page.locator('#status\\.problems').first().innerText();
  const [errors, warnings, infos] = (text.match(/\d+/g) ?? []).map(Number);
  return { errors, warnings, infos };
}

/**
 * Waits until the counts satisfy `accept`, a JavaScript expression over `errors`, `warnings`
 * and `infos` (e.g. `'errors === 0 && infos > 0'`).
 */
export function waitForProblemCounts(page, accept, timeout) {
  return page.waitForFunction(
    (source) => {
      const numbers = (document.querySelector('#status\\.problems')?.textContent?.match(/\d+/g) ?? []).map(Number);
      return numbers.length === 3 && new Function('errors', 'warnings', 'infos', `return ${source}`)(...numbers);
    },
    accept,
    { timeout },
  );
}
