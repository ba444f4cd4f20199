import { periodLabel, type Period } from '../period';
import type { Message } from './messages';

/**
 * The messages of the evidence of issue 16 (measured availability, periods, an exercise's start),
 * German and English; spread into `messages` (messages.ts), which every rule reads.
 */

const quote = (text: string) => `„${text}“`;
const q = (text: string) => `'${text}'`;

function both(de: string, en: string): Message {
  return { de, en };
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A period in both languages: "November 2026" / "November 2026", "3. Quartal 2026" / "Q3 2026". */
export function periodText(period: Period): Message {
  const start = new Date(period.start * 86_400_000);
  const year = start.getUTCFullYear();
  const en = period.kind === 'year' ? String(year) : period.kind === 'quarter' ? `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${year}` : `${EN_MONTHS[start.getUTCMonth()]} ${year}`;
  return both(periodLabel(period), en);
}

/**
 * A percentage in both languages: "99,69 %" / "99.69 %". A computed value is cut (not rounded)
 * after three decimals, so that it never reads as reaching a target it misses.
 */
export function percentText(value: number, computed = false): Message {
  const shown = computed ? Math.floor(value * 1000 + 1e-6) / 1000 : value;
  return both(`${String(shown).replace('.', ',')} %`, `${shown} %`);
}

const PERIOD_EXAMPLES = both('ein Monat (2026-11), ein Quartal (2026-Q3) oder ein Jahr (2026)', 'a month (2026-11), a quarter (2026-Q3) or a year (2026)');

export const availabilityMessages = {
  /** `suggestion`: the period the author most likely meant (`11/2026` → `2026-11`). */
  invalidPeriod(field: string, value: string, suggestion: string | undefined): Message {
    return both(
      `${quote(value)} ist kein Zeitraum für ${quote(field)}; erwartet wird ${PERIOD_EXAMPLES.de}.` + (suggestion ? ` Meinten Sie ${quote(suggestion)}?` : ''),
      `${q(value)} is not a period for ${q(field)}; expected ${PERIOD_EXAMPLES.en}.` + (suggestion ? ` Did you mean ${q(suggestion)}?` : ''),
    );
  },
  emptyPeriod(field: string): Message {
    return both(`${quote(field)} muss ein Zeitraum sein, ist aber leer; erwartet wird ${PERIOD_EXAMPLES.de}.`, `${q(field)} must be a period, but is empty; expected ${PERIOD_EXAMPLES.en}.`);
  },
  invalidDateTime(field: string, value: string): Message {
    return both(
      `${quote(value)} ist kein gültiger Zeitpunkt für ${quote(field)}; erwartet werden Datum und Uhrzeit nach ISO 8601, z. B. 2026-11-20T09:15:00+01:00.`,
      `${q(value)} is not a valid date and time for ${q(field)}; expected an ISO 8601 date and time, e.g. 2026-11-20T09:15:00+01:00.`,
    );
  },
  emptyDateTime(field: string): Message {
    return both(
      `${quote(field)} muss ein Zeitpunkt sein, ist aber leer; erwartet werden Datum und Uhrzeit nach ISO 8601, z. B. 2026-11-20T09:15:00+01:00.`,
      `${q(field)} must be a date and time, but is empty; expected an ISO 8601 date and time, e.g. 2026-11-20T09:15:00+01:00.`,
    );
  },
  measuredRange: both('Die gemessene Verfügbarkeit ist ein Prozentwert von 0 bis 100, z. B. 99.91.', 'The measured availability is a percentage from 0 to 100, e.g. 99.91.'),
  outagesRange: both('Die Zahl der Ausfälle ist eine ganze Zahl ab 0.', 'The number of outages is a whole number from 0 on.'),

  /** `compared`: the availability without the excluded maintenance, where some is excluded. */
  availabilityNotMet(period: Message, measured: Message, target: Message, compared?: { readonly value: Message; readonly excluded: Message }): Message {
    return compared
      ? both(
          `Im Zeitraum ${period.de} wurden ${measured.de} Verfügbarkeit gemessen, ohne die ausgenommene Wartung (${compared.excluded.de}) ${compared.value.de}: weniger als das Verfügbarkeitsziel von ${target.de}.`,
          `In ${period.en} the measured availability was ${measured.en}, ${compared.value.en} without the excluded maintenance (${compared.excluded.en}): less than the availability target of ${target.en}.`,
        )
      : both(
          `Im Zeitraum ${period.de} wurden ${measured.de} Verfügbarkeit gemessen: weniger als das Verfügbarkeitsziel von ${target.de}.`,
          `In ${period.en} the measured availability was ${measured.en}: less than the availability target of ${target.en}.`,
        );
  },
  /** `latest`: the latest period measured, which ended before the review interval. */
  availabilityUnproven(target: Message, interval: Message, latest: Message | undefined): Message {
    const why = latest
      ? both(`Das letzte Messergebnis (${latest.de}) liegt mehr als ${interval.de} zurück.`, `the latest result (${latest.en}) lies more than ${interval.en} back.`)
      : both(
          `Kein Eintrag in „availability.results“ deckt einen Zeitraum ab, der innerhalb des Überprüfungsintervalls (${interval.de}) endete.`,
          `no entry of 'availability.results' covers a period that ended within the review interval (${interval.en}).`,
        );
    return both(
      `Das Verfügbarkeitsziel von ${target.de} ist behauptet, aber nicht belegt: ${why.de} Messergebnisse mit „drplan measure“ übernehmen oder eintragen.`,
      `The availability target of ${target.en} is claimed, not shown: ${why.en} Import results with 'drplan measure' or enter them.`,
    );
  },
} as const;
