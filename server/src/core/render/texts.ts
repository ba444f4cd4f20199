/**
 * The fixed German text of the plan document. The document is always German (format.md); the
 * requirements and their wording come from the seed (verfuegbarkeitskontrolle.rst) and, for the
 * terms of business continuity, from BSI-Standard 200-4.
 */
export const SEED = {
  availabilityControl: [
    'Es ist zu gewährleisten, dass personenbezogene Daten gegen zufällige Zerstörung oder Verlust geschützt sind (Verfügbarkeitskontrolle, Art. 32 Abs. 1 lit. b und c DSGVO).',
    'Die Verfügbarkeit der Ressourcen ist im Allgemeinen durch den Betreiber des Rechenzentrums zu gewährleisten.',
    'Bei der Auswahl der Hardware sollten Standardkomponenten für erhöhte Verfügbarkeit verwendet werden, z. B. RAID-Storages, redundante Netzteile und Ersatzteile.',
  ],
  measurements: 'Messungen sollten durchgeführt werden, mit denen die Verfügbarkeit belegt werden kann.',
  backupPlan: 'Ein Backup-Plan sollte ggf. die Dienste schnell wieder verfügbar machen.',
  drPlan:
    'Ein Disaster-Recovery-Plan sollte detailliert Ausfallszenarien, Vorsorgemaßnahmen und Verfügbarkeitsmessungen beschreiben. Für jedes Szenario ist angegeben, welche Handlungen zur Prävention und welche zur Wiederherstellung geeignet erscheinen, welche Zeit bis zur Wiederherstellung benötigt wird, wie groß die maximal zulässige Ausfallzeit (RTO) und wie hoch der maximal zulässige Datenverlust (RPO) sein darf.',
} as const;

/**
 * The objectives as the document names them: the seed's abbreviations (RTO, RPO) with the German
 * terms of BSI-Standard 200-4, geforderte Wiederanlaufzeit (WAZ) and maximal tolerierbare
 * Ausfallzeit (MTA), which English texts call MTPD.
 */
export const TERMS = {
  rto: 'RTO (geforderte Wiederanlaufzeit, WAZ)',
  rpo: 'RPO (maximal zulässiger Datenverlust)',
  mtpd: 'MTA (MTPD), maximal tolerierbare Ausfallzeit',
  /** Column titles, where a table has little room. */
  rtoColumn: 'RTO (WAZ)',
  mtpdColumn: 'MTA (MTPD)',
} as const;

/** The glossary: the seed's wording where it has one, BSI-Standard 200-4's otherwise. */
export const GLOSSARY: readonly { readonly term: string; readonly meaning: string }[] = [
  {
    term: 'RTO (Recovery Time Objective), WAZ',
    meaning:
      'Die maximal zulässige Ausfallzeit eines Szenarios: die Zeit, innerhalb derer der Dienst wiederhergestellt sein muss. Im BSI-Standard 200-4 die geforderte Wiederanlaufzeit (WAZ). Die Wiederherstellungszeit muss darunter bleiben.',
  },
  {
    term: 'RPO (Recovery Point Objective)',
    meaning:
      'Der maximal zulässige Datenverlust, also der Zeitraum zwischen zwei Datensicherungen. Eine Sicherung, die seltener läuft, kann die RPO nicht einhalten.',
  },
  {
    term: 'MTA (MTPD, Maximum Tolerable Period of Disruption)',
    meaning:
      'Die maximal tolerierbare Ausfallzeit (MTA) des Geschäftsprozesses nach BSI-Standard 200-4, englisch MTPD: Danach sind die Schäden für die Organisation nicht mehr hinnehmbar. Die RTO muss innerhalb der MTA liegen.',
  },
  {
    term: 'RTA (Recovery Time Actual)',
    meaning:
      'Die in einer Übung tatsächlich gemessene Wiederherstellungszeit. Solange ein Szenario nicht geübt wurde, ist sie unbekannt (BSI-Standard 200-4); sie muss kleiner als die RTO sein.',
  },
  {
    term: 'RPA (Recovery Point Actual)',
    meaning:
      'Der in einer Übung tatsächlich festgestellte Datenverlust; er darf die RPO nicht überschreiten.',
  },
];

export const LABELS = {
  subtitle: 'Notfallplan (Disaster-Recovery-Plan)',
  untitled: 'Notfallplan ohne Titel',
  missing: 'nicht angegeben',
  invalid: 'ungültig',
  none: '—',
  unknownRta: 'unbekannt',
  yes: 'ja',
  no: 'nein',
  watermark: 'ENTWURF',
  /** An RPO or a measured data loss of 0. */
  noDataLoss: 'kein Datenverlust',
  /** A backup interval of 0: a replication. */
  continuous: 'laufend',
} as const;

export const SEVERITY_LABELS = { 1: 'Fehler', 2: 'Warnung', 3: 'Hinweis', 4: 'Hinweis' } as const;
