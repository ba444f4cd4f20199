import type { Locale } from '../types';
import { formatNumber } from './numbers';
import { availabilityMessages } from './availabilityMessages';

/** A message in both languages; `say` picks one. */
export interface Message {
  readonly de: string;
  readonly en: string;
}

export function say(message: Message, locale: Locale): string {
  return message[locale];
}

const quote = (text: string) => `„${text}“`;
const q = (text: string) => `'${text}'`;

/** A list of alternatives for a message: "a, b oder c" / "a, b or c". */
function either(values: readonly string[], locale: Locale): string {
  const quoted = values.map((value) => (locale === 'de' ? quote(value) : q(value)));
  if (quoted.length <= 1) return quoted.join('');
  const last = quoted.pop() as string;
  return `${quoted.join(', ')} ${locale === 'de' ? 'oder' : 'or'} ${last}`;
}


function both(de: string, en: string): Message {
  return { de, en };
}

/** The kind of YAML value, in words. */
export type ValueKind = 'string' | 'number' | 'integer' | 'boolean' | 'mapping' | 'list' | 'null';

/** As in "must be a list, but is a text value" / "muss eine Liste sein, ist aber ein Text". */
const KIND_WORDS: Record<ValueKind, Message> = {
  string: both('ein Text', 'a text value'),
  number: both('eine Zahl', 'a number'),
  integer: both('eine ganze Zahl', 'a whole number'),
  boolean: both('ein Wahrheitswert (true/false)', 'a boolean (true/false)'),
  mapping: both('ein Abschnitt mit Schlüsseln (Mapping)', 'a mapping of keys'),
  list: both('eine Liste', 'a list'),
  null: both('leer', 'empty'),
};

function kinds(list: readonly ValueKind[]): Message {
  return {
    de: list.map((kind) => KIND_WORDS[kind].de).join(' oder '),
    en: list.map((kind) => KIND_WORDS[kind].en).join(' or '),
  };
}

/** Every message drplan shows, by what it is about. Arguments are already formatted. */
export const messages = {
  yamlSyntax(detail: Message): Message {
    return both(`YAML-Syntaxfehler: ${detail.de}`, `YAML syntax error: ${detail.en}`);
  },
  /** A schema error without a message of its own (a keyword schemaErrors.ts does not know yet). */
  notAllowedValue(field: string): Message {
    return both(`Dieser Wert ist für ${quote(field)} nicht zulässig.`, `This value is not allowed for ${q(field)}.`);
  },
  unknownAnchor(anchor: string): Message {
    return both(
      `Der Alias *${anchor} verweist auf keinen vorher definierten Anker &${anchor}.`,
      `The alias *${anchor} refers to no anchor &${anchor} defined before it.`,
    );
  },
  aliasExpansion(anchor: string): Message {
    return both(
      `Der Alias *${anchor} würde die Datei über das zulässige Maß hinaus vervielfachen (Alias-Bombe); er wird nicht aufgelöst.`,
      `The alias *${anchor} would blow the file up beyond the allowed size (alias bomb); it is not expanded.`,
    );
  },
  controlCharacter(code: string): Message {
    return both(
      `Die Datei enthält ein Steuerzeichen (${code}); sind hier Binärdaten hineingeraten?`,
      `The file contains a control character (${code}); did binary data get in here?`,
    );
  },
  // Limits against hostile input (core/limits.ts, docs/limits.md).
  fileTooLarge(size: Message, limit: Message): Message {
    return both(
      `Datei zu groß: ${size.de} (Grenze: ${limit.de}, einstellbar mit drplan.maxFileSize bzw. drplan check --max-file-size). Der Plan wird nicht geprüft, damit der Editor nicht hängt.`,
      `File too large: ${size.en} (limit: ${limit.en}, set with drplan.maxFileSize or drplan check --max-file-size). The plan is not checked, so that the editor does not freeze.`,
    );
  },
  nestedTooDeeply(limit: number): Message {
    return both(
      `Zu tief verschachtelt: mehr als ${limit} Ebenen von Abschnitten und Listen. Was tiefer liegt, wird nicht gelesen.`,
      `Nested too deeply: more than ${limit} levels of mappings and lists. What lies deeper is not read.`,
    );
  },
  mergeExpansion: both(
    'Die Zusammenführung (<<) würde die Datei über das zulässige Maß hinaus vervielfachen (Alias-Bombe); sie wird nicht aufgelöst.',
    'The merge (<<) would blow the file up beyond the allowed size (alias bomb); it is not applied.',
  ),
  invalidUtf8(byte: string, byteOffset: number): Message {
    return both(
      `Die Datei ist kein gültiges UTF-8 (Byte 0x${byte} an Byte-Position ${byteOffset}); ungültige Bytes werden als „�“ gelesen. Bitte als UTF-8 speichern.`,
      `The file is not valid UTF-8 (byte 0x${byte} at byte offset ${byteOffset}); invalid bytes are read as '�'. Please save it as UTF-8.`,
    );
  },
  utf16: both(
    'Die Datei ist in UTF-16 kodiert; drplan liest Pläne als UTF-8. Bitte die Datei als UTF-8 speichern.',
    'The file is encoded as UTF-16; drplan reads plans as UTF-8. Please save the file as UTF-8.',
  ),
  moreYamlProblems(omitted: number, shown: number): Message {
    return both(
      `(Und ${formatNumber(omitted, 'de')} weitere YAML-Fehler: drplan meldet höchstens ${formatNumber(shown, 'de')} je Datei. Ist das überhaupt YAML?)`,
      `(And ${formatNumber(omitted, 'en')} more YAML errors: drplan reports at most ${formatNumber(shown, 'en')} per file. Is this YAML at all?)`,
    );
  },
  moreDiagnostics(omitted: number, shown: number): Message {
    return both(
      `(Und ${formatNumber(omitted, 'de')} weitere Befunde, die der Editor nicht zeigt: höchstens ${formatNumber(shown, 'de')} je Datei. drplan check listet alle.)`,
      `(And ${formatNumber(omitted, 'en')} more findings the editor does not show: at most ${formatNumber(shown, 'en')} per file. drplan check lists them all.)`,
    );
  },

  missingField(field: string, where: Message): Message {
    return both(`Pflichtfeld ${quote(field)} fehlt ${where.de}.`, `Required field ${q(field)} is missing ${where.en}.`);
  },
  emptyPlan: both(
    'Die Datei ist leer. Ein DR-Plan beginnt mit drplan: "1", plan: und scenarios:.',
    'The file is empty. A DR plan starts with drplan: "1", plan: and scenarios:.',
  ),
  unknownField(field: string, suggestion: string | undefined): Message {
    return both(
      `Unbekanntes Feld ${quote(field)}.` + (suggestion ? ` Meinten Sie ${quote(suggestion)}?` : '') +
        ' Eigene Felder beginnen mit „x-“.',
      `Unknown field ${q(field)}.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : '') +
        " Custom fields start with 'x-'.",
    );
  },
  wrongType(field: string, expected: readonly ValueKind[], actual: ValueKind): Message {
    const e = kinds(expected);
    return both(
      `${quote(field)} muss ${e.de} sein, ist aber ${KIND_WORDS[actual].de}.`,
      `${q(field)} must be ${e.en}, but is ${KIND_WORDS[actual].en}.`,
    );
  },
  rootNotMapping(actual: ValueKind): Message {
    return both(
      `Ein DR-Plan ist ein YAML-Abschnitt mit Schlüsseln (drplan, plan, scenarios, …); der Inhalt dieser Datei ist ${KIND_WORDS[actual].de}.`,
      `A DR plan is a YAML mapping of keys (drplan, plan, scenarios, …); the content of this file is ${KIND_WORDS[actual].en}.`,
    );
  },
  notInEnum(field: string, value: string, allowed: readonly string[], suggestion: string | undefined): Message {
    return {
      de:
        `${quote(value)} ist kein zulässiger Wert für ${quote(field)}.` +
        (suggestion ? ` Meinten Sie ${quote(suggestion)}?` : '') +
        ` Erlaubt: ${either(allowed, 'de')}.`,
      en:
        `${q(value)} is not a valid value for ${q(field)}.` +
        (suggestion ? ` Did you mean ${q(suggestion)}?` : '') +
        ` Allowed: ${either(allowed, 'en')}.`,
    };
  },
  formatVersion(value: string): Message {
    if (value === '1') {
      return both(
        'Die Formatversion muss als Text in Anführungszeichen stehen: drplan: "1".',
        'The format version must be a quoted string: drplan: "1".',
      );
    }
    return both(
      `Formatversion ${quote(value)} wird nicht unterstützt; erwartet wird drplan: "1" (mit Anführungszeichen).`,
      `Format version ${q(value)} is not supported; expected drplan: "1" (quoted).`,
    );
  },
  badId(value: string): Message {
    return both(
      `Die Kennung ${quote(value)} ist ungültig: nur Kleinbuchstaben a–z, Ziffern und Bindestriche, beginnend mit Buchstabe oder Ziffer.`,
      `The id ${q(value)} is invalid: only lower-case letters a–z, digits and hyphens, starting with a letter or digit.`,
    );
  },
  emptyList(field: string): Message {
    return both(`${quote(field)} braucht mindestens einen Eintrag.`, `${q(field)} needs at least one entry.`);
  },
  outOfRange(field: string, bound: string): Message {
    return both(`${quote(field)} muss ${bound} sein.`, `${q(field)} must be ${bound}.`);
  },
  targetRange: both(
    'Das Verfügbarkeitsziel ist ein Prozentwert größer als 0 und höchstens 100, z. B. 99.5.',
    'The availability target is a percentage above 0 and at most 100, e.g. 99.5.',
  ),
  clientsRange: both('Die Anzahl der Clients ist eine ganze Zahl ab 1.', 'The number of clients is a whole number from 1 on.'),

  /** `suggestions`: what the author may have meant, the likely one alone where one is. */
  invalidDuration(field: string, value: string, reason: Message, suggestions: readonly string[]): Message {
    return both(
      `${quote(value)} ist keine gültige Dauer für ${quote(field)}: ${reason.de}` +
        (suggestions.length > 0 ? ` Meinten Sie ${either(suggestions, 'de')}?` : ' Beispiele: 30 min, 4h, 2 Tage, PT4H.'),
      `${q(value)} is not a valid duration for ${q(field)}: ${reason.en}` +
        (suggestions.length > 0 ? ` Did you mean ${either(suggestions, 'en')}?` : ' Examples: 30 min, 4h, 2 days, PT4H.'),
    );
  },
  /** An empty duration (the new plan's placeholders), rather than "'' is not a valid duration". */
  emptyDuration(field: string): Message {
    return both(
      `${quote(field)} muss eine Dauer sein, ist aber leer. Beispiele: 30 min, 4h, 2 Tage, PT4H.`,
      `${q(field)} must be a duration, but is empty. Examples: 30 min, 4h, 2 days, PT4H.`,
    );
  },
  durationBareNumber: both('Eine Zahl ohne Einheit ist mehrdeutig (Stunden? Tage?).', 'a number without a unit is ambiguous (hours? days?).'),
  durationAmbiguousM: both('„m“ allein ist mehrdeutig (Minuten oder Monate?).', "'m' alone is ambiguous (minutes or months?)."),
  durationUnknownUnit: both('Die Einheit ist unbekannt.', 'the unit is unknown.'),
  durationNegative: both('Eine Dauer kann nicht negativ sein.', 'a duration cannot be negative.'),
  durationSyntax: both('Erwartet wird 0, eine ISO-8601-Dauer oder Zahl und Einheit.', 'expected 0, an ISO 8601 duration, or a number and a unit.'),
  durationNotScalar: both('Eine Dauer ist ein einzelner Wert.', 'a duration is a single value.'),
  invalidDate(field: string, value: string): Message {
    return both(
      `${quote(value)} ist kein gültiges Datum für ${quote(field)}; erwartet wird JJJJ-MM-TT, z. B. 2026-11-28.`,
      `${q(value)} is not a valid date for ${q(field)}; expected YYYY-MM-DD, e.g. 2026-11-28.`,
    );
  },

  emptyDate(field: string): Message {
    return both(
      `${quote(field)} muss ein Datum sein, ist aber leer; erwartet wird JJJJ-MM-TT, z. B. 2026-11-28.`,
      `${q(field)} must be a date, but is empty; expected YYYY-MM-DD, e.g. 2026-11-28.`,
    );
  },

  categoryMismatch(type: string, typeLabel: Message, category: string, expected: string, expectedLabel: Message): Message {
    return both(
      `Der Typ ${quote(type)} (${typeLabel.de}) gehört nicht zur Kategorie ${quote(category)}, sondern zu ${quote(expected)} (${expectedLabel.de}).`,
      `The type ${q(type)} (${typeLabel.en}) does not belong to the category ${q(category)} but to ${q(expected)} (${expectedLabel.en}).`,
    );
  },
  duplicateId(id: string, list: string): Message {
    return both(
      `Die Kennung ${quote(id)} ist in ${quote(list)} schon vergeben.`,
      `The id ${q(id)} is already used in ${q(list)}.`,
    );
  },
  firstUse: both('Hier zum ersten Mal verwendet.', 'First used here.'),
  unknownReference(id: string, list: string, suggestion: string | undefined): Message {
    return both(
      `${quote(id)} ist in ${quote(list)} nicht definiert.` + (suggestion ? ` Meinten Sie ${quote(suggestion)}?` : ''),
      `${q(id)} is not defined in ${q(list)}.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : ''),
    );
  },
  rtoExceeded(recovery: Message, rto: Message): Message {
    return both(
      `Die Wiederherstellung dauert ${recovery.de} und überschreitet damit die RTO, die maximal zulässige Ausfallzeit (${rto.de}).`,
      `Recovery takes ${recovery.en}, longer than the RTO (maximum tolerable downtime) of ${rto.en}.`,
    );
  },
  /** `every`: how often the backup runs, "alle 24 Stunden" or "täglich" (duration.ts everyText). */
  rpoNotMet(backup: string, every: Message, rpo: Message): Message {
    return both(
      `Die Sicherung ${quote(backup)} läuft nur ${every.de}; damit ist die RPO, der maximal zulässige Datenverlust (${rpo.de}), nicht einzuhalten.`,
      `The backup ${q(backup)} runs only ${every.en}, so the RPO (maximum tolerable data loss) of ${rpo.en} cannot be met.`,
    );
  },
  rpoWithoutBackup(typeLabel: Message): Message {
    return both(
      `Bei „${typeLabel.de}“ können Daten verloren gehen, aber das Szenario nennt keine Sicherung (backup), mit der die RPO erreicht wird.`,
      `'${typeLabel.en}' can lose data, but the scenario names no backup that meets its RPO.`,
    );
  },
  downtimeBudget(rto: Message, target: string, budget: Message): Message {
    return both(
      `Die RTO (${rto.de}) ist länger als die jährliche Ausfallzeit, die das Verfügbarkeitsziel von ${target.replace('.', ',')} % zulässt (${budget.de} pro Jahr).`,
      `The RTO of ${rto.en} is longer than the yearly downtime the availability target of ${target} % allows (${budget.en} per year).`,
    );
  },
  missingScenario(typeLabel: Message, categoryLabel: Message): Message {
    return both(
      `Kein Szenario behandelt „${typeLabel.de}“ (${categoryLabel.de}), und der Plan führt es nicht unter „not_applicable“ als nicht zutreffend.`,
      `No scenario covers '${typeLabel.en}' (${categoryLabel.en}), and the plan does not list it as not applicable ('not_applicable').`,
    );
  },
  rtoExceedsMtpd(rto: Message, mtpd: Message): Message {
    return both(
      `Die RTO (${rto.de}) ist länger als die maximal tolerierbare Ausfallzeit des Geschäftsprozesses (MTA, englisch MTPD: ${mtpd.de}).`,
      `The RTO of ${rto.en} is longer than the business process's maximum tolerable period of disruption (MTPD) of ${mtpd.en}.`,
    );
  },
  stepsExceedRecoveryTime(sum: Message, recovery: Message): Message {
    return both(
      `Die Wiederherstellungsschritte dauern zusammen ${sum.de}, länger als die angegebene Wiederherstellungszeit (${recovery.de}).`,
      `The recovery steps add up to ${sum.en}, longer than the stated recovery time of ${recovery.en}.`,
    );
  },
  rtaExceeded(date: Message, rta: Message, rto: Message): Message {
    return both(
      `In der Übung vom ${date.de} dauerte die Wiederherstellung ${rta.de} (RTA) und überschritt die RTO (${rto.de}).`,
      `In the exercise of ${date.en} recovery took ${rta.en} (RTA), longer than the RTO of ${rto.en}.`,
    );
  },
  rpaExceeded(date: Message, rpa: Message, rpo: Message): Message {
    return both(
      `In der Übung vom ${date.de} betrug der Datenverlust ${rpa.de} (RPA), mehr als die RPO zulässt (${rpo.de}).`,
      `In the exercise of ${date.en} ${rpa.en} of data were lost (RPA), more than the RPO of ${rpo.en} allows.`,
    );
  },
  untested: both(
    'Die Wiederherstellung dieses Szenarios wurde noch nicht geübt: die tatsächliche Wiederherstellungszeit (RTA) ist unbekannt.',
    'Recovery of this scenario has not been exercised: its actual recovery time (RTA) is unknown.',
  ),
  restoreTestOverdue(date: Message, interval: Message): Message {
    return both(
      `Der letzte Wiederherstellungstest vom ${date.de} liegt länger zurück als das Prüfintervall (${interval.de}).`,
      `The last restore test of ${date.en} is older than the review interval of ${interval.en}.`,
    );
  },
  exerciseOverdue(date: Message, interval: Message): Message {
    return both(
      `Die letzte Übung dieses Szenarios vom ${date.de} liegt länger zurück als das Prüfintervall (${interval.de}).`,
      `The latest exercise of this scenario, of ${date.en}, is older than the review interval of ${interval.en}.`,
    );
  },
  reviewOverdue(due: Message): Message {
    return both(
      `Die Überprüfung des Plans war am ${due.de} fällig (letzte Überprüfung + Prüfintervall).`,
      `The plan's review was due on ${due.en} (last review + review interval).`,
    );
  },

  // Issue 14: what the plan claims (backups that survive, replicas, dates, tests, dependencies).
  restoreTestMissing(backup: string, scenarios: readonly string[]): Message {
    const de = scenarios.map(quote).join(', ');
    const en = scenarios.map(q).join(', ');
    return both(
      `Die Sicherung ${quote(backup)} wurde nie zur Probe wiederhergestellt (kein „last_restore_test“): niemand weiß, ob sie sich wiederherstellen lässt. ${scenarios.length === 1 ? 'Das Szenario' : 'Die Szenarien'} ${de} ${scenarios.length === 1 ? 'verlässt' : 'verlassen'} sich auf sie.`,
      `The backup ${q(backup)} has never been restored as a test (no 'last_restore_test'): nobody knows whether it can be restored. ${scenarios.length === 1 ? 'The scenario' : 'The scenarios'} ${en} ${scenarios.length === 1 ? 'relies' : 'rely'} on it.`,
    );
  },
  /** `every`: how often the backups are taken, "alle 7 Tage" or "wöchentlich" (duration.ts everyText). */
  retentionTooShort(retention: Message, every: Message): Message {
    return both(
      `Die Sicherungen werden nur ${retention.de} aufbewahrt, aber nur ${every.de} erstellt: zeitweise ist gar keine Sicherung vorhanden. Die Aufbewahrung muss mindestens so lang sein wie das Intervall.`,
      `Backups are kept for only ${retention.en} but taken only ${every.en}: at times no backup is kept at all. The retention must be at least as long as the interval.`,
    );
  },
  /** `chain`: the component the backup is stored on, then what holds it, up to the one the scenario takes down. */
  backupAffected(backup: string, chain: readonly string[]): Message {
    const storedOn = chain[0] ?? '';
    const affected = chain[chain.length - 1] ?? '';
    const via = chain.length > 1;
    return both(
      `Die Sicherung ${quote(backup)} liegt auf ${quote(storedOn)}` +
        (via ? `, das in ${quote(affected)} steht (${chain.join(' → ')}),` : '') +
        ` und dieses Szenario lässt ${quote(affected)} ausfallen: Die Sicherung geht mit dem System verloren, das sie wiederherstellen soll.`,
      `The backup ${q(backup)} is stored on ${q(storedOn)}` +
        (via ? `, which is in ${q(affected)} (${chain.join(' → ')}),` : '') +
        ` and this scenario takes ${q(affected)} down: the backup is lost with the system it should restore.`,
    );
  },
  /** `deletion`: an operator's scenario (a deletion), else a software failure (a corruption). */
  replicaNotBackup(backup: string, method: string, deletion: boolean): Message {
    return both(
      `${quote(backup)} ist eine Replikation (${method}), keine Sicherung: Sie kopiert ${deletion ? 'das Löschen' : 'die Beschädigung'} sofort mit und stellt den Stand davor nicht wieder her. Für dieses Szenario eine Sicherung nennen, die frühere Stände aufbewahrt.`,
      `${q(backup)} is a replication (${method}), not a backup: it copies the ${deletion ? 'deletion' : 'corruption'} at once and cannot restore the state before it. Name a backup that keeps earlier states for this scenario.`,
    );
  },
  /** `cycle`: the components in the order they depend on each other, the first again at the end. */
  dependencyCycle(cycle: readonly string[]): Message {
    const way = cycle.join(' → ');
    return both(
      `Die Komponenten hängen im Kreis voneinander ab (${way}): Es gibt keine Reihenfolge, in der sie sich neu starten lassen.`,
      `The components depend on each other in a cycle (${way}): there is no order in which they can be restarted.`,
    );
  },
  /** A cycle too long to walk in a message: how many components, and the first few. */
  largeDependencyCycle(count: number, some: readonly string[]): Message {
    return both(
      `${count} Komponenten hängen im Kreis voneinander ab (darunter ${some.map(quote).join(', ')}): Es gibt keine Reihenfolge, in der sie sich neu starten lassen.`,
      `${count} components depend on each other in a cycle (among them ${some.map(q).join(', ')}): there is no order in which they can be restarted.`,
    );
  },
  singlePointOfFailure(component: string, dependents: readonly string[], more: boolean): Message {
    return both(
      `Von ${quote(component)} hängen ${dependents.map(quote).join(', ')}${more ? ' und weitere' : ''} ab (direkt oder über andere), aber für die Komponente ist keine Redundanz angegeben: Ihr Ausfall trifft sie alle (Single Point of Failure).`,
      `${dependents.map(q).join(', ')}${more ? ' and more' : ''} depend on ${q(component)} (directly or through others), but no redundancy is given for it: its failure takes them all down (single point of failure).`,
    );
  },
  futureDate(field: string, date: Message, today: Message): Message {
    return both(
      `Das Datum ${date.de} in ${quote(field)} liegt in der Zukunft (heute ist der ${today.de}), hält aber fest, was schon geschehen ist: ein Tippfehler? Ein Datum in der Zukunft verdeckt auch jede Fälligkeit.`,
      `The date ${date.en} of ${q(field)} lies in the future (today is ${today.en}), yet records something already done: a typo? A date in the future also hides every overdue check.`,
    );
  },
  exerciseFailed(date: Message): Message {
    return both(
      `Die letzte Wiederherstellungsübung vom ${date.de} ist nicht bestanden: die Wiederherstellung dieses Szenarios ist nicht belegt.`,
      `The latest recovery exercise, of ${date.en}, failed: the recovery of this scenario is not proven.`,
    );
  },

  // Issue 15: approval of the plan, deputies.
  /** `approved`: the versions the plan's approvals do approve (none, or others). */
  approvalMissing(version: string | undefined, approved: readonly string[]): Message {
    const de = version === undefined ? 'seine aktuelle Version' : `seine aktuelle Version ${quote(version)}`;
    const en = version === undefined ? 'its current version' : `its current version ${q(version)}`;
    const others = approved.length === 0 ? undefined : both(
      ` Freigegeben ${approved.length === 1 ? 'ist' : 'sind'} nur ${approved.length === 1 ? 'Version' : 'die Versionen'} ${approved.map(quote).join(', ')}.`,
      ` Only ${approved.length === 1 ? 'version' : 'versions'} ${approved.map(q).join(', ')} ${approved.length === 1 ? 'is' : 'are'} approved.`,
    );
    return both(
      `Der Plan hat den Status „approved“ (Freigegeben), aber kein Eintrag in „approvals“ gibt ${de} frei: Wer hat sie wann freigegeben?${others?.de ?? ''}`,
      `The plan's status is 'approved', but no entry of 'approvals' approves ${en}: who approved it, and when?${others?.en ?? ''}`,
    );
  },
  /** What a contact is, in the order owner, declared_by, responsible (scenarios by id). */
  noDeputy(contact: string, roles: { readonly owner: boolean; readonly declares: boolean; readonly scenarios: readonly string[]; readonly more: boolean }): Message {
    const de: string[] = [];
    const en: string[] = [];
    if (roles.owner) {
      de.push('verantwortet den Plan');
      en.push('owns the plan');
    }
    if (roles.declares) {
      de.push('darf den Notfall ausrufen');
      en.push('may declare an emergency');
    }
    if (roles.scenarios.length > 0) {
      const more = roles.more ? { de: ' und weitere', en: ' and more' } : { de: '', en: '' };
      const plural = roles.scenarios.length > 1 || roles.more;
      de.push(`ist verantwortlich für ${plural ? 'die Szenarien' : 'das Szenario'} ${roles.scenarios.map(quote).join(', ')}${more.de}`);
      en.push(`is responsible for ${plural ? 'the scenarios' : 'the scenario'} ${roles.scenarios.map(q).join(', ')}${more.en}`);
    }
    const and = (parts: string[], word: string) => (parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${word} ${parts[parts.length - 1]}`);
    return both(
      `${quote(contact)} ${and(de, 'und')}, hat aber keine Vertretung („deputy“): Wer übernimmt, wenn ${quote(contact)} nicht erreichbar ist?`,
      `${q(contact)} ${and(en, 'and')}, but has no deputy ('deputy'): who takes over when ${q(contact)} cannot be reached?`,
    );
  },

  // Issue 16: measured availability, periods, the start of an exercise (availabilityMessages.ts).
  ...availabilityMessages,
} as const;

/** "in 'plan'" / "in scenario 'storage'": where a missing field is missing. */
export const places = {
  root: both('auf oberster Ebene', 'at the top level'),
  section(name: string): Message {
    return both(`in ${quote(name)}`, `in ${q(name)}`);
  },
  item(list: string, index: number, id: string | undefined): Message {
    return id
      ? both(`in ${quote(list)}-Eintrag ${quote(id)}`, `in ${q(list)} entry ${q(id)}`)
      : both(`im ${index + 1}. Eintrag von ${quote(list)}`, `in entry ${index + 1} of ${q(list)}`);
  },
};
