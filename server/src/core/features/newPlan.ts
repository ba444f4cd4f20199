import { CATEGORIES, scenarioTypesOf, type Localized } from '../catalog';
import type { Locale } from '../types';

/**
 * The text of a new plan (command "DR-Plan: Neuen Plan anlegen"): every scenario type of the
 * catalog as a scenario with the catalog's suggested prevention and recovery steps.
 *
 * What only the author can know (organisation, system, names, the backup job, recovery time,
 * RTO and RPO) is left empty with a hint in a comment, never filled with an invented value: a
 * plan with made-up RTOs must not pass the check. So the check of a fresh plan is its to-do
 * list, and once those values are filled in, it is clean apart from `untested` (no exercise has
 * measured a recovery yet, which is simply true of a new plan).
 *
 * Values are German, the language of the plan document; comments follow `locale`.
 */
export function newPlanText(locale: Locale, today: Date): string {
  const t = (text: Localized) => text[locale];
  const lines: string[] = [
    `# ${t(HINTS.header1)}`,
    `# ${t(HINTS.header2)}`,
    'drplan: "1"',
    '',
    'plan:',
    '  title: Notfallplan',
    field(2, 'organisation', t(HINTS.organisation)),
    field(2, 'system', t(HINTS.system)),
    '  version: "0.1"',
    `  status: draft${comment(2, 'status: draft', t(HINTS.status))}`,
    '  review_interval: 12 Monate',
    `  owner: ${CONTACT_ID}`,
    `  classification: internal${comment(2, 'classification: internal', t(HINTS.classification))}`,
    '',
    'contacts:',
    `  - id: ${CONTACT_ID}`,
    field(4, 'name', t(HINTS.contactName)),
    '    role: IT-Leitung',
    '',
    'backups:',
    `  - id: ${BACKUP_ID}`,
    field(4, 'what', t(HINTS.backupWhat)),
    field(4, 'method', t(HINTS.backupMethod)),
    field(4, 'interval', t(HINTS.backupInterval)),
    '',
    'scenarios:',
  ];
  for (const category of CATEGORIES) {
    lines.push(`  # ${t(category.label)}`);
    for (const type of scenarioTypesOf(category.id)) {
      lines.push(
        `  - id: ${type.id}`,
        `    category: ${category.id}`,
        `    type: ${type.id}`,
        `    title: ${yamlText(type.label.de)}`,
        '    prevention:',
        ...type.prevention.map((step) => `      - ${yamlText(step)}`),
        '    recovery:',
        ...type.recovery.map((step) => `      - ${yamlText(step)}`),
        field(4, 'recovery_time', t(HINTS.recoveryTime)),
        field(4, 'rto', t(HINTS.rto)),
        field(4, 'rpo', t(HINTS.rpo)),
      );
      // Scenarios that can lose data need a backup (rpo-without-backup); the one job above is
      // where the author starts, and splits it up where the data differ.
      if (type.losesData) lines.push(`    backup: ${BACKUP_ID}`);
      lines.push('');
    }
  }
  lines.push('history:', '  - version: "0.1"', `    date: ${isoDate(today)}`, '    changes: Plan angelegt', '');
  return lines.join('\n');
}

const CONTACT_ID = 'it-leitung';
const BACKUP_ID = 'backup';

/** Column at which hint comments start, so that they line up under each other. */
const COMMENT_COLUMN = 28;

/** An empty field with its hint: `key:` followed by a comment, which YAML reads as null. */
function field(indent: number, key: string, hint: string): string {
  return `${' '.repeat(indent)}${key}:${comment(indent, `${key}:`, hint)}`;
}

function comment(indent: number, before: string, hint: string): string {
  const used = indent + before.length;
  return `${' '.repeat(Math.max(1, COMMENT_COLUMN - used))}# ${hint}`;
}

/**
 * A text as a YAML scalar: plain where YAML reads it back as the same string, else double-quoted
 * (JSON's escaping is valid YAML). Catalog steps contain `: ` and parentheses, for instance.
 */
export function yamlText(text: string): string {
  const plainSafe =
    text.length > 0 &&
    text === text.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/: |:$| #|[\n\t]/.test(text) &&
    !/^(?:true|false|yes|no|on|off|null|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|0x[\da-f]+|0o[0-7]+|\.inf|\.nan)$/i.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/** The calendar day of `date` where the author is (local time), as YYYY-MM-DD. */
function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const HINTS = {
  header1: {
    de: 'Notfallplan (DR-Plan) mit allen Szenarien des Katalogs und den vorgeschlagenen Maßnahmen.',
    en: 'DR plan (Notfallplan) with every scenario of the catalog and its suggested steps.',
  },
  header2: {
    de: 'Leere Werte ausfüllen, Maßnahmen anpassen: Die Prüfung (Ansicht „Probleme“) zeigt, was noch fehlt.',
    en: 'Fill in the empty values and adapt the steps: the check (Problems view) lists what is still missing.',
  },
  organisation: { de: 'Name der Organisation', en: 'name of the organisation' },
  system: { de: 'das System, für das der Plan gilt', en: 'the system this plan is for' },
  status: { de: 'draft (Entwurf) oder approved (Freigegeben)', en: 'draft or approved' },
  classification: {
    de: 'public (öffentlich), internal (intern) oder confidential (vertraulich)',
    en: 'public, internal or confidential',
  },
  contactName: { de: 'wer den Plan verantwortet', en: 'who is responsible for the plan' },
  backupWhat: { de: 'was gesichert wird, z. B. ZODB und Blobs', en: 'what is backed up, e.g. ZODB and blobs' },
  backupMethod: {
    de: 'z. B. volume-snapshot, repozo, relstorage-dump, file-copy, database-dump',
    en: 'e.g. volume-snapshot, repozo, relstorage-dump, file-copy, database-dump',
  },
  backupInterval: { de: 'Abstand zweier Sicherungen, z. B. 4h oder 1 Tag', en: 'time between two backups, e.g. 4h or 1 day' },
  recoveryTime: { de: 'Zeit bis zur Wiederherstellung, z. B. 4h', en: 'time the recovery takes, e.g. 4h' },
  rto: { de: 'RTO: maximal zulässige Ausfallzeit, z. B. 8h', en: 'RTO: maximal tolerable downtime, e.g. 8h' },
  rpo: { de: 'RPO: maximal zulässiger Datenverlust, z. B. 4h oder 0', en: 'RPO: maximal tolerable data loss, e.g. 4h or 0' },
} as const satisfies Record<string, Localized>;
