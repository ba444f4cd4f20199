import type { Message } from './messages';

/**
 * The texts of hovers, German and English. Arguments arrive formatted for their language (see
 * features/hover.ts), so each function takes one Message per argument and picks per language.
 * Terms follow the seed (Verfügbarkeitskontrolle) and BSI 200-4.
 */

function both(de: string, en: string): Message {
  return { de, en };
}

const cmp = (ok: boolean) => (ok ? '≤' : '>');

/** The objectives and measurements of a scenario, by the key that holds them. */
export type TermName = 'rto' | 'rpo' | 'mtpd' | 'recoveryTime' | 'rta' | 'rpa';

export const terms: Record<TermName, Message> = {
  rto: both(
    '**RTO** – maximal zulässige Ausfallzeit (Recovery Time Objective; BSI 200-4: geforderte Wiederanlaufzeit): wie lange der Dienst in diesem Szenario höchstens ausfallen darf, bis er wiederhergestellt ist. Die Zeit bis zur Wiederherstellung muss hineinpassen.',
    '**RTO** – Recovery Time Objective (maximal zulässige Ausfallzeit; BSI 200-4: geforderte Wiederanlaufzeit): the longest the service may be down in this scenario until it is restored. The recovery time must fit inside it.',
  ),
  rpo: both(
    '**RPO** – maximal zulässiger Datenverlust (Recovery Point Objective): wie hoch der Datenverlust, also der Zeitraum zwischen zwei Datensicherungen, höchstens sein darf. `0` heißt: kein Datenverlust.',
    '**RPO** – Recovery Point Objective (maximal zulässiger Datenverlust): how much data may be lost at most, measured as the time between two backups. `0` means no data loss.',
  ),
  mtpd: both(
    '**MTPD** – maximal tolerierbare Ausfallzeit (Maximum Tolerable Period of Disruption, BSI 200-4): wie lange der Geschäftsprozess insgesamt ausfallen darf, bevor der Schaden nicht mehr tragbar ist. Die RTO muss hineinpassen.',
    '**MTPD** – Maximum Tolerable Period of Disruption (maximal tolerierbare Ausfallzeit, BSI 200-4): how long the business process may be disrupted before the damage becomes unacceptable. The RTO must fit inside it.',
  ),
  recoveryTime: both(
    '**Zeit bis zur Wiederherstellung** (recovery time): welche Zeit die Wiederherstellung in diesem Szenario benötigt. Sie darf die maximal zulässige Ausfallzeit (RTO) nicht überschreiten.',
    '**Recovery time** (Zeit bis zur Wiederherstellung): how long recovery takes in this scenario. It must not exceed the RTO, the maximum tolerable downtime.',
  ),
  rta: both(
    '**RTA** – gemessene Wiederherstellungszeit (Recovery Time Actual, BSI 200-4): wie lange die Wiederherstellung in dieser Übung tatsächlich gedauert hat. Die letzte Messung darf die RTO nicht überschreiten; ohne Messung ist die RTA „unbekannt“.',
    '**RTA** – Recovery Time Actual (gemessene Wiederherstellungszeit, BSI 200-4): how long recovery actually took in this exercise. The latest measurement must not exceed the RTO; without one the RTA is unknown (BSI 200-4: „unbekannt“).',
  ),
  rpa: both(
    '**RPA** – gemessener Datenverlust (Recovery Point Actual, BSI 200-4): wie viele Daten, gemessen als Zeitraum, in dieser Übung tatsächlich verloren gingen. Die letzte Messung darf die RPO nicht überschreiten.',
    '**RPA** – Recovery Point Actual (gemessener Datenverlust, BSI 200-4): how much data, as a period of time, was actually lost in this exercise. The latest measurement must not exceed the RPO.',
  ),
};

export const hoverTexts = {
  noDataLoss: both('kein Datenverlust', 'no data loss'),

  // How a value relates to the others of its scenario; `ok` picks ≤ or >.
  recoveryVsRto(ok: boolean, recovery: Message, rto: Message): Message {
    return both(
      `Zeit bis zur Wiederherstellung ${recovery.de} ${cmp(ok)} RTO ${rto.de}`,
      `Recovery time ${recovery.en} ${cmp(ok)} RTO ${rto.en}`,
    );
  },
  stepsVsRecovery(ok: boolean, sum: Message, recovery: Message): Message {
    return both(
      `Summe der Schrittdauern ${sum.de} ${cmp(ok)} Zeit bis zur Wiederherstellung ${recovery.de}`,
      `Sum of the step durations ${sum.en} ${cmp(ok)} recovery time ${recovery.en}`,
    );
  },
  backupVsRpo(ok: boolean, backup: Message, interval: Message, rpo: Message): Message {
    return both(
      `Sicherung ${backup.de} alle ${interval.de} ${cmp(ok)} RPO ${rpo.de}`,
      `Backup ${backup.en} every ${interval.en} ${cmp(ok)} RPO ${rpo.en}`,
    );
  },
  noBackup: both('Keine Sicherung (backup) genannt, an der sich die RPO messen lässt', 'No backup named to measure the RPO against'),
  unknownBackup(backup: Message): Message {
    return both(`Die Sicherung ${backup.de} ist nicht definiert`, `The backup ${backup.en} is not defined`);
  },
  rtoVsMtpd(ok: boolean, rto: Message, mtpd: Message): Message {
    return both(`RTO ${rto.de} ${cmp(ok)} MTPD ${mtpd.de}`, `RTO ${rto.en} ${cmp(ok)} MTPD ${mtpd.en}`);
  },
  rtoVsBudget(ok: boolean, rto: Message, target: Message, budget: Message): Message {
    return both(
      `RTO ${rto.de} ${cmp(ok)} jährliche Ausfallzeit bei ${target.de} Verfügbarkeit: ${budget.de}`,
      `RTO ${rto.en} ${cmp(ok)} yearly downtime at ${target.en} availability: ${budget.en}`,
    );
  },
  rtaVsRto(ok: boolean, date: Message | undefined, rta: Message, rto: Message): Message {
    return both(
      `RTA${date ? ` der Übung vom ${date.de}` : ''}: ${rta.de} ${cmp(ok)} RTO ${rto.de}`,
      `RTA${date ? ` of the exercise of ${date.en}` : ''}: ${rta.en} ${cmp(ok)} RTO ${rto.en}`,
    );
  },
  rpaVsRpo(ok: boolean, date: Message | undefined, rpa: Message, rpo: Message): Message {
    return both(
      `RPA${date ? ` der Übung vom ${date.de}` : ''}: ${rpa.de} ${cmp(ok)} RPO ${rpo.de}`,
      `RPA${date ? ` of the exercise of ${date.en}` : ''}: ${rpa.en} ${cmp(ok)} RPO ${rpo.en}`,
    );
  },
  rtaUnknown: both(
    'RTA unbekannt: noch keine Übung mit gemessener Wiederherstellungszeit',
    'RTA unknown: no exercise has measured the recovery time yet',
  ),
  rpaUnknown: both('RPA unbekannt: noch keine Übung mit gemessenem Datenverlust', 'RPA unknown: no exercise has measured the data loss yet'),
  notLatest(date: Message): Message {
    return both(
      `Nicht die letzte Messung: maßgeblich ist die Übung vom ${date.de}`,
      `Not the latest measurement: the exercise of ${date.en} counts`,
    );
  },
  downtimeBudget(target: Message, budget: Message, formula: Message): Message {
    return both(
      `${target.de} Verfügbarkeit lassen ${budget.de} Ausfallzeit pro Jahr zu: ${formula.de} von 365 Tagen.`,
      `${target.en} availability allows ${budget.en} of downtime per year: ${formula.en} of 365 days.`,
    );
  },

  // Catalog entries
  category: both('Kategorie', 'Category'),
  scenarioType: both('Szenariotyp', 'Scenario type'),
  componentKind: both('Komponentenart', 'Component kind'),
  typesOfCategory: both('Szenariotypen', 'Scenario types'),
  suggestedPrevention: both('Vorschläge zur Prävention', 'Suggested prevention'),
  suggestedRecovery: both('Vorschläge zur Wiederherstellung', 'Suggested recovery'),

  // Referenced items
  contact: both('Kontakt', 'Contact'),
  level: both('Alarmierungsstufe', 'Alert level'),
  component: both('Komponente', 'Component'),
  backup: both('Datensicherung', 'Backup'),
  measurement: both('Messung', 'Measurement'),
  notDefined(id: Message, list: string): Message {
    return both(`${id.de} ist in „${list}“ nicht definiert.`, `${id.en} is not defined in '${list}'.`);
  },
  fields: {
    name: both('Name', 'Name'),
    role: both('Rolle', 'Role'),
    phone: both('Telefon', 'Phone'),
    email: both('E-Mail', 'E-mail'),
    availability: both('Erreichbarkeit', 'Availability'),
    kind: both('Art', 'Kind'),
    location: both('Standort', 'Location'),
    what: both('Was', 'What'),
    method: both('Verfahren', 'Method'),
    interval: both('Intervall', 'Interval'),
    retention: both('Aufbewahrung', 'Retention'),
    storage: both('Speicherort', 'Location'),
    offsite: both('Außer Haus', 'Off site'),
    lastRestoreTest: both('Letzter Wiederherstellungstest', 'Last restore test'),
    storedOn: both('Gespeichert auf', 'Stored on'),
    in: both('Steht in', 'In'),
    contains: both('Enthält', 'Holds'),
    dependsOn: both('Hängt ab von', 'Depends on'),
    neededBy: both('Davon hängen ab', 'Needed by'),
    redundancy: both('Redundanz', 'Redundancy'),
    function: both('Funktion', 'Function'),
    deputy: both('Vertretung', 'Deputy'),
    criteria: both('Kriterien', 'Criteria'),
    notify: both('Benachrichtigen', 'Notify'),
    within: both('Innerhalb', 'Within'),
    order: both('Reihenfolge', 'Order'),
    tool: both('Werkzeug', 'Tool'),
    query: both('Abfrage', 'Query'),
    alert: both('Alarmiert', 'Alerts'),
    results: both('Messergebnisse', 'Results'),
  },
  /** "Stufe 2 von 3": where a level stands in the order of escalation. */
  levelOf(position: number, count: number): Message {
    return both(`Stufe ${position} von ${count}`, `level ${position} of ${count}`);
  },
  // Which scenarios a backup survives (features/itemHover.ts)
  survives: both('Übersteht', 'Survives'),
  doesNotSurvive: both('Übersteht nicht', 'Does not survive'),
  copiesFailure: both('eine Replikation kopiert den Fehler sofort mit', 'a replication copies the failure at once'),
  /** `way`: the component the backup is on, then what holds it, up to the one the scenario takes down. */
  takesDown(way: readonly string[]): Message {
    const last = way[way.length - 1] ?? '';
    return way.length > 1
      ? both(`lässt ${last} ausfallen, in dem die Sicherung liegt (${way.join(' → ')})`, `takes down ${last}, which holds the backup (${way.join(' → ')})`)
      : both(`lässt ${last} ausfallen, auf dem die Sicherung liegt`, `takes down ${last}, which the backup is stored on`);
  },
  storedOnUnknown: both(
    'Wo die Sicherung liegt (`stored_on`), ist nicht angegeben: Ob sie den Ausfall von Komponenten übersteht, lässt sich nicht prüfen.',
    'Where the backup lies (`stored_on`) is not given: whether it survives the failure of components cannot be checked.',
  ),
  andMore(count: number): Message {
    return both(`und ${count} weitere`, `and ${count} more`);
  },
  andOthers: both('und weitere', 'and others'),
  yes: both('ja', 'yes'),
  no: both('nein', 'no'),

  // Measured availability and exercises of issue 16 (features/evidenceHover.ts)
  latestResult(period: Message, measured: Message): Message {
    return both(`zuletzt ${period.de}: ${measured.de}`, `latest ${period.en}: ${measured.en}`);
  },
  periodDays(first: Message, last: Message, days: number): Message {
    return both(`${first.de} bis ${last.de} (${days} Tage)`, `${first.en} to ${last.en} (${days} days)`);
  },
  /** `without`: the excluded maintenance and the availability without it, which is compared. */
  measuredVsTarget(ok: boolean, measured: Message, target: Message, without?: { readonly excluded: Message; readonly compared: Message }): Message {
    const sign = ok ? '≥' : '<';
    return without
      ? both(
          `Ohne die ausgenommene Wartung (${without.excluded.de}): ${without.compared.de} ${sign} Verfügbarkeitsziel ${target.de} (gemessen ${measured.de})`,
          `Without the excluded maintenance (${without.excluded.en}): ${without.compared.en} ${sign} availability target ${target.en} (measured ${measured.en})`,
        )
      : both(`Gemessen ${measured.de} ${sign} Verfügbarkeitsziel ${target.de}`, `Measured ${measured.en} ${sign} availability target ${target.en}`);
  },
  allowedInPeriod(target: Message, allowed: Message): Message {
    return both(`Zulässige Ausfallzeit in diesem Zeitraum bei ${target.de}: ${allowed.de}`, `Downtime allowed in this period at ${target.en}: ${allowed.en}`);
  },
  noTarget: both('Kein Verfügbarkeitsziel (`availability.target`), mit dem sich das Ergebnis vergleichen ließe', 'No availability target (`availability.target`) to compare the result with'),
  localTime: both('Ortszeit', 'local time'),

  // Keys
  extensionField: both(
    '**Erweiterungsfeld**: Schlüssel, die mit `x-` beginnen, ignoriert drplan. Hier stehen z. B. YAML-Anker für wiederkehrende Werte.',
    '**Extension field**: drplan ignores keys that begin with `x-`. They hold, for example, YAML anchors of repeated values.',
  ),
} as const;
