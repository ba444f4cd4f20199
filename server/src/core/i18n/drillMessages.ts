/**
 * What the language server says when a drill's exercise entry cannot be written into the plan,
 * in German and English (the VS Code client shows it as it is).
 */
import type { Message } from './messages';

const quote = (text: string) => ({ de: `„${text}“`, en: `'${text}'` });

export const drillMessages = {
  invalidRecord: {
    de: 'Die Übung ist unvollständig oder ungültig und wurde nicht eingetragen.',
    en: 'The drill is incomplete or invalid and was not recorded.',
  },
  tooLarge: {
    de: 'Der Plan ist zu groß, um gelesen zu werden: Die Übung kann nicht eingetragen werden.',
    en: 'The plan is too large to be read: the drill cannot be recorded.',
  },
  yamlErrors: {
    de: 'Der Plan enthält YAML-Fehler. Bitte zuerst beheben, dann die Übung eintragen.',
    en: 'The plan has YAML errors. Fix them first, then record the drill.',
  },
  scenarioMissing: (id: string): Message => {
    const q = quote(id);
    return {
      de: `Das Szenario mit der id ${q.de} steht nicht mehr im Plan. Die Übung bleibt gespeichert: Bitte das Szenario wiederherstellen und erneut eintragen.`,
      en: `The plan no longer has a scenario with the id ${q.en}. The drill stays saved: restore the scenario and record it again.`,
    };
  },
  scenarioTwice: (id: string): Message => {
    const q = quote(id);
    return {
      de: `Mehrere Szenarien haben die id ${q.de}. Bitte die ids eindeutig machen, dann die Übung eintragen.`,
      en: `Several scenarios have the id ${q.en}. Make the ids unique, then record the drill.`,
    };
  },
  notWritable: (id: string): Message => {
    const q = quote(id);
    return {
      de: `Die Übungen des Szenarios ${q.de} stehen nicht als eigene Liste im Plan (ein Alias, ein Merge-Schlüssel oder ein anderer Wert unter exercises): Die Übung wurde nicht eingetragen.`,
      en: `The exercises of scenario ${q.en} are not a list of its own in the plan (an alias, a merge key or another value under exercises): the drill was not recorded.`,
    };
  },
} as const;
