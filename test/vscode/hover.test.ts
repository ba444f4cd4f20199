/// <reference types="mocha" />
/**
 * Hovers inside VS Code, through `vscode.executeHoverProvider` as the editor asks for them: the
 * RTO of the example plan with its value and relations, a referenced contact, and the ✗ an edit
 * brings. VS Code's display language picks the language (code-server: English by default).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, copyPlan, openPlan, rangeOf, replaceIn, revert, workspaceFile } from './helpers';

const german = () => vscode.env.language.toLowerCase().startsWith('de');

/** The markdown of drplan's hover at `position` (other extensions' hovers left out), with its range. */
async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; range: vscode.Range | undefined }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const texts = hovers.map((hover) => ({
    text: hover.contents.map((content) => (typeof content === 'string' ? content : content.value)).join('\n\n'),
    range: hover.range,
  }));
  const ours = texts.find((hover) => /\*\*(RTO|Kontakt|Contact|Alarmierungsstufe|Alert level|Datenschutzbeauftragte\/r|Data protection officer)\b/.test(hover.text));
  assert.ok(ours, `no drplan hover at ${position.line + 1}:${position.character + 1}; hovers: ${JSON.stringify(texts)}`);
  return ours;
}

suite('hover', () => {
  suiteSetup(async () => {
    await activate();
  });

  test('the RTO of a scenario: what it means, its value in minutes, its relations', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const { document } = await openPlan(plan);
    const value = rangeOf(document, '4h', 'rto: 4h');
    const { text, range } = await hoverAt(plan, value.start.translate(0, 1));
    if (german()) {
      assert.match(text, /^\*\*RTO\*\* – maximal zulässige Ausfallzeit \(Recovery Time Objective/);
      assert.match(text, /`4h` = 4 Stunden = 240 Minuten/);
      assert.match(text, /- ✓ Zeit bis zur Wiederherstellung 2 Stunden ≤ RTO 4 Stunden/);
    } else {
      assert.match(text, /^\*\*RTO\*\* – Recovery Time Objective \(maximal zulässige Ausfallzeit/);
      assert.match(text, /`4h` = 4 hours = 240 minutes/);
      assert.match(text, /- ✓ Recovery time 2 hours ≤ RTO 4 hours/);
    }
    assert.ok(range?.isEqual(value), `the hover covers the value, not ${JSON.stringify(range)}`);
  });

  test('a referenced contact', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const { document } = await openPlan(plan);
    const { text } = await hoverAt(plan, rangeOf(document, 'it-leitung', 'owner:').start.translate(0, 2));
    assert.match(text, german() ? /^\*\*Kontakt `it-leitung`\*\*: Erika Mustermann/ : /^\*\*Contact `it-leitung`\*\*: Erika Mustermann/);
  });

  test('a deputy: the contact who stands in, with their function', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const { document } = await openPlan(plan);
    const { text, range } = await hoverAt(plan, rangeOf(document, 'stv-it-leitung', 'deputy: ').start.translate(0, 3));
    if (german()) {
      assert.match(text, /^\*\*Kontakt `stv-it-leitung`\*\*: Max Beispiel/);
      assert.match(text, /- Funktion: IT-Leitung \(`it-lead`\)/);
    } else {
      assert.match(text, /^\*\*Contact `stv-it-leitung`\*\*: Max Beispiel/);
      assert.match(text, /- Function: IT lead \(`it-lead`\)/);
    }
    assert.ok(range?.isEqual(rangeOf(document, 'stv-it-leitung', 'deputy: ')), 'the hover covers the reference');
  });

  test('a scenario’s escalation: the level, whom it notifies and by when', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const { document } = await openPlan(plan);
    const { text } = await hoverAt(plan, rangeOf(document, 'notfall', 'escalation: ').start.translate(0, 2));
    if (german()) {
      assert.match(text, /^\*\*Alarmierungsstufe `notfall`\*\*: Notfall/);
      assert.match(text, /- Benachrichtigen: `it-leitung` \(Erika Mustermann\), `geschaeftsfuehrung` \(Dr\. Hans Beispiel\), `dsb` \(Petra Datenschutz\)/);
      assert.match(text, /- Innerhalb: 1 Stunde/);
    } else {
      assert.match(text, /^\*\*Alert level `notfall`\*\*: Notfall/);
      assert.match(text, /- Within: 1 hour/);
    }
  });

  test('a contact function: what it means', async () => {
    const plan = workspaceFile('examples', 'plone-intranet.drplan.yaml');
    const { document } = await openPlan(plan);
    const { text } = await hoverAt(plan, rangeOf(document, 'dpo', 'function: ').start.translate(0, 1));
    assert.match(text, german() ? /^\*\*Datenschutzbeauftragte\/r\*\* · `dpo`\n\nBerät bei einer Verletzung/ : /^\*\*Data protection officer\*\* · `dpo`\n\nAdvises on a personal data breach/);
  });

  test('an edit through the VS Code API turns a ✓ into a ✗', async () => {
    const plan = await copyPlan(workspaceFile('examples', 'plone-intranet.drplan.yaml'), 'hover');
    const { document } = await openPlan(plan);
    try {
      // Scenario `netzwerk`: recovery_time 2h against an RTO of 4h; make the RTO 1h.
      await replaceIn(document, 'rto: 4h', 'rto: 1h', 'id: netzwerk');
      const { text } = await hoverAt(plan, rangeOf(document, '1h', 'rto: 1h').start);
      assert.match(text, german() ? /- ✗ Zeit bis zur Wiederherstellung 2 Stunden > RTO 1 Stunde/ : /- ✗ Recovery time 2 hours > RTO 1 hour/);
    } finally {
      await revert(plan);
    }
  });
});
