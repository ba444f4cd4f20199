import type { CatalogEntry } from './types';

/** `plan.status` */
export const PLAN_STATUSES: readonly CatalogEntry[] = [
  {
    id: 'draft',
    label: { de: 'Entwurf', en: 'Draft' },
    explanation: {
      de: 'Der Plan ist in Bearbeitung und noch nicht von der verantwortlichen Stelle freigegeben.',
      en: 'The plan is being worked on and has not yet been approved by the responsible person.',
    },
  },
  {
    id: 'approved',
    label: { de: 'Freigegeben', en: 'Approved' },
    explanation: {
      de: 'Der Plan ist von der verantwortlichen Stelle freigegeben und gilt ab dem Gültigkeitsdatum.',
      en: 'The plan has been approved by the responsible person and applies from its valid-from date.',
    },
  },
];

/** `plan.classification` */
export const CLASSIFICATIONS: readonly CatalogEntry[] = [
  {
    id: 'public',
    label: { de: 'öffentlich', en: 'public' },
    explanation: {
      de: 'Der Plan darf ohne Einschränkung weitergegeben werden.',
      en: 'The plan may be shared without restriction.',
    },
  },
  {
    id: 'internal',
    label: { de: 'intern', en: 'internal' },
    explanation: {
      de: 'Nur für Beschäftigte und beauftragte Dienstleister der Organisation.',
      en: 'For the organisation\'s staff and contracted service providers only.',
    },
  },
  {
    id: 'confidential',
    label: { de: 'vertraulich', en: 'confidential' },
    explanation: {
      de: 'Nur für den benannten Personenkreis, z. B. weil der Plan Zugänge, Standorte oder Schwachstellen beschreibt.',
      en: 'For named people only, e.g. because the plan describes access details, locations or weaknesses.',
    },
  },
];

/** `contacts[].function`: what a contact is in the emergency organisation (BSI 200-4, GDPR). */
export const CONTACT_FUNCTIONS: readonly CatalogEntry[] = [
  {
    id: 'it-lead',
    label: { de: 'IT-Leitung', en: 'IT lead' },
    explanation: {
      de: 'Leitet den IT-Betrieb: entscheidet über Wiederanlauf und Notbetrieb des Systems und ruft den Notfall aus, wo der Plan sie dazu ermächtigt.',
      en: 'Heads IT operations: decides on the restart and the emergency operation of the system, and declares the emergency where the plan empowers them to.',
    },
  },
  {
    id: 'on-call',
    label: { de: 'Bereitschaft', en: 'On call' },
    explanation: {
      de: 'Rufbereitschaft des Betriebs: außerhalb der Arbeitszeit erreichbar, nimmt Alarme an und beginnt mit der Wiederherstellung.',
      en: 'The operations on-call service: reachable outside working hours, takes alerts and starts the recovery.',
    },
  },
  {
    id: 'dpo',
    label: { de: 'Datenschutzbeauftragte/r', en: 'Data protection officer' },
    explanation: {
      de: 'Berät bei einer Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO) und wirkt an der Meldung an die Aufsichtsbehörde binnen 72 Stunden mit (Art. 33, 34 DSGVO).',
      en: 'Advises on a personal data breach (Art. 4(12) GDPR) and takes part in notifying the supervisory authority within 72 hours (Art. 33, 34 GDPR).',
    },
  },
  {
    id: 'management',
    label: { de: 'Leitung der Organisation', en: 'Management' },
    explanation: {
      de: 'Geschäftsführung bzw. Behördenleitung: trägt die Gesamtverantwortung, gibt den Plan frei und entscheidet über Maßnahmen, die über den IT-Betrieb hinausgehen.',
      en: 'The management of the organisation: bears overall responsibility, approves the plan and decides on measures beyond IT operations.',
    },
  },
  {
    id: 'provider',
    label: { de: 'Dienstleister / Rechenzentrumsbetreiber', en: 'Service provider / data centre operator' },
    explanation: {
      de: 'Externer Dienstleister, z. B. der Betreiber des Rechenzentrums oder des Hostings: seine Störungsannahme und Eskalationswege gehören in den Plan.',
      en: 'An external service provider, e.g. the operator of the data centre or the hosting: its service desk and escalation paths belong in the plan.',
    },
  },
  {
    id: 'crisis-team',
    label: { de: 'Notfallstab', en: 'Crisis team' },
    explanation: {
      de: 'Das Gremium, das im ausgerufenen Notfall die Bewältigung steuert (BSI 200-4: Besondere Aufbauorganisation, BAO).',
      en: 'The body that steers the response once an emergency is declared (BSI 200-4: Besondere Aufbauorganisation, BAO).',
    },
  },
];

/** `availability.database.strategy`; explanations follow the seed's ZEO section. */
export const DATABASE_STRATEGIES: readonly CatalogEntry[] = [
  {
    id: 'snapshot',
    label: { de: 'Snapshot', en: 'Snapshot' },
    explanation: {
      de: 'Bei den meisten Uptime-Anforderungen genügt es völlig, ggf. mit geringer Downtime aus einem Snapshot des Volume Managers einen ZEO-Server mit dem Backup der ZODB erneut aufzusetzen. Dies umgeht die enormen Aufwände einer Replikation.',
      en: 'For most uptime requirements it is entirely sufficient to rebuild a ZEO server with the ZODB backup from a volume-manager snapshot, accepting a short downtime. This avoids the enormous effort replication would need.',
    },
  },
  {
    id: 'relstorage-replication',
    label: { de: 'Replikation über RelStorage', en: 'Replication via RelStorage' },
    explanation: {
      de: 'Replikation über RelStorage und eine SQL-Datenbank, die Master-Master-Replikation unterstützt. Damit werden auch die BLOBs repliziert.',
      en: 'Replication through RelStorage and an SQL database that supports master-master replication. The BLOBs are replicated as well.',
    },
  },
  {
    id: 'drbd-heartbeat',
    label: { de: 'DRBD/Heartbeat', en: 'DRBD/Heartbeat' },
    explanation: {
      de: 'Blockweise Spiegelung auf einen zweiten Server mit automatischer Übernahme. Aufwändig aufzusetzen und wegen der Komplexität nur schwer zuverlässig zu betreiben.',
      en: 'Block-level mirroring to a second server with automatic failover. Costly to set up and, because of its complexity, hard to operate reliably.',
    },
  },
  {
    id: 'none',
    label: { de: 'Keine', en: 'None' },
    explanation: {
      de: 'Keine besondere Vorkehrung für die Datenbank; die Wiederherstellung hängt allein vom Backup ab.',
      en: 'No particular provision for the database; recovery depends on the backup alone.',
    },
  },
];

/** `availability.load_balancing.method` */
export const LOAD_BALANCING_METHODS: readonly CatalogEntry[] = [
  {
    id: 'fair',
    label: { de: 'Fair Balancing', en: 'Fair balancing' },
    explanation: {
      de: 'Fair Balancing sollte zwischen den verschiedenen ZEO-Clients verteilen: Eine neue Anfrage geht an einen Client, der gerade keine bearbeitet, so dass lange Anfragen andere nicht blockieren.',
      en: 'Fair balancing should distribute among the ZEO clients: a new request goes to a client that is not busy, so long requests do not block others.',
    },
  },
  {
    id: 'round-robin',
    label: { de: 'Round Robin', en: 'Round robin' },
    explanation: {
      de: 'Die Anfragen gehen der Reihe nach an die ZEO-Clients, unabhängig von deren Auslastung. Einfach, aber ein Client mit langer Anfrage erhält trotzdem weitere.',
      en: 'Requests go to the ZEO clients in turn, regardless of their load. Simple, but a client busy with a long request still receives more.',
    },
  },
  {
    id: 'least-connections',
    label: { de: 'Wenigste Verbindungen', en: 'Least connections' },
    explanation: {
      de: 'Eine neue Anfrage geht an den ZEO-Client mit den wenigsten offenen Verbindungen; ähnlich wirksam wie Fair Balancing.',
      en: 'A new request goes to the ZEO client with the fewest open connections; about as effective as fair balancing.',
    },
  },
  {
    id: 'none',
    label: { de: 'Kein Load-Balancing', en: 'No load balancing' },
    explanation: {
      de: 'Nur ein ZEO-Client oder keine Verteilung: Fällt der Client aus, ist der Dienst nicht erreichbar.',
      en: 'A single ZEO client or no distribution: if the client fails, the service is unavailable.',
    },
  },
];

/** `scenarios[].exercises[].kind`, from least to most effort. */
export const EXERCISE_KINDS: readonly CatalogEntry[] = [
  {
    id: 'plan-review',
    label: { de: 'Planbesprechung', en: 'Plan review' },
    explanation: {
      de: 'Die Beteiligten gehen das Szenario am Tisch durch und prüfen, ob Schritte, Zuständigkeiten und Kontaktdaten stimmen. Misst keine Wiederherstellungszeit.',
      en: 'The people involved walk through the scenario at the table and check that steps, responsibilities and contact details are right. Measures no recovery time.',
    },
  },
  {
    id: 'alerting',
    label: { de: 'Alarmierungsübung', en: 'Alerting exercise' },
    explanation: {
      de: 'Prüft, ob die Alarmierungskette funktioniert und die Verantwortlichen in der geforderten Zeit erreichbar sind.',
      en: 'Checks that the alerting chain works and that the responsible people can be reached within the required time.',
    },
  },
  {
    id: 'functional-test',
    label: { de: 'Funktionstest', en: 'Functional test' },
    explanation: {
      de: 'Einzelne Schritte werden technisch erprobt, z. B. ein Backup auf einem Testsystem zurückgespielt oder auf eine redundante Komponente umgeschaltet.',
      en: 'Individual steps are tried out technically, e.g. restoring a backup onto a test system or switching over to a redundant component.',
    },
  },
  {
    id: 'full-recovery',
    label: { de: 'Vollübung', en: 'Full recovery exercise' },
    explanation: {
      de: 'Das Szenario wird vollständig durchgespielt bis zum wieder verfügbaren Dienst; misst die tatsächliche Wiederherstellungszeit (RTA) und den Datenverlust (RPA).',
      en: 'The scenario is played through completely until the service is available again; measures the actual recovery time (RTA) and data loss (RPA).',
    },
  },
];

/** `scenarios[].exercises[].result` */
export const EXERCISE_RESULTS: readonly CatalogEntry[] = [
  {
    id: 'passed',
    label: { de: 'bestanden', en: 'passed' },
    explanation: {
      de: 'Die Übung hat die Ziele erreicht: Wiederherstellung innerhalb von RTO und RPO, keine wesentlichen Mängel.',
      en: 'The exercise met its goals: recovery within RTO and RPO, no significant shortcomings.',
    },
  },
  {
    id: 'partial',
    label: { de: 'teilweise', en: 'partial' },
    explanation: {
      de: 'Die Übung war teilweise erfolgreich; Mängel sind festzuhalten und bis zur nächsten Übung zu beheben.',
      en: 'The exercise was partly successful; shortcomings must be recorded and fixed before the next exercise.',
    },
  },
  {
    id: 'failed',
    label: { de: 'nicht bestanden', en: 'failed' },
    explanation: {
      de: 'Die Übung hat ihr Ziel verfehlt; der Plan oder die Vorkehrungen müssen überarbeitet und erneut geprüft werden.',
      en: 'The exercise missed its goal; the plan or the provisions must be revised and tested again.',
    },
  },
];

/**
 * Known `backups[].method` values; other text is allowed and simply not explained. The last
 * three are replications (REPLICATION_METHODS).
 */
export const BACKUP_METHODS: readonly CatalogEntry[] = [
  {
    id: 'volume-snapshot',
    label: { de: 'Snapshot des Volume Managers', en: 'Volume-manager snapshot' },
    explanation: {
      de: 'Snapshot eines Volumes (z. B. LVM, ZFS): in Sekunden erstellt und schnell zurückgespielt. Liegt er auf demselben Storage, schützt er nicht vor dessen Ausfall; dafür zusätzlich extern sichern.',
      en: 'Snapshot of a volume (e.g. LVM, ZFS): taken in seconds and restored quickly. If it lives on the same storage it does not protect against losing that storage; copy it elsewhere as well.',
    },
  },
  {
    id: 'repozo',
    label: { de: 'repozo', en: 'repozo' },
    explanation: {
      de: 'Werkzeug der ZODB für volle und inkrementelle Backups einer FileStorage im laufenden Betrieb. Die BLOBs müssen getrennt gesichert werden.',
      en: 'ZODB tool for full and incremental backups of a FileStorage while it is running. The BLOBs must be backed up separately.',
    },
  },
  {
    id: 'relstorage-dump',
    label: { de: 'RelStorage-Dump', en: 'RelStorage dump' },
    explanation: {
      de: 'Dump der SQL-Datenbank hinter RelStorage mit den Werkzeugen der Datenbank (z. B. pg_dump) oder zodbconvert; enthält je nach Konfiguration auch die BLOBs.',
      en: 'Dump of the SQL database behind RelStorage with the database\'s own tools (e.g. pg_dump) or zodbconvert; depending on the configuration it includes the BLOBs.',
    },
  },
  {
    id: 'file-copy',
    label: { de: 'Dateikopie', en: 'File copy' },
    explanation: {
      de: 'Kopie von Dateien und Verzeichnissen (z. B. rsync, restic, Bacula). Für laufende Datenbanken ungeeignet, weil die Kopie inkonsistent sein kann.',
      en: 'Copy of files and directories (e.g. rsync, restic, Bacula). Unsuitable for running databases because the copy may be inconsistent.',
    },
  },
  {
    id: 'database-dump',
    label: { de: 'Datenbank-Dump', en: 'Database dump' },
    explanation: {
      de: 'Konsistente Sicherung einer SQL-Datenbank mit deren Werkzeugen (z. B. pg_dump, mysqldump). Die Wiederherstellung dauert bei großen Datenbanken entsprechend lange.',
      en: 'Consistent backup of an SQL database with its own tools (e.g. pg_dump, mysqldump). Restoring a large database takes correspondingly long.',
    },
  },
  {
    id: 'replication',
    label: { de: 'Replikation', en: 'Replication' },
    explanation: {
      de: 'Laufende Kopie auf ein zweites System (z. B. Datenbankreplikation, Galera, gespiegelter Storage), meist mit Intervall `0`: erfüllt jede RPO bei Hardware- und Standortausfällen, kopiert aber ein Löschen oder eine Beschädigung sofort mit. Ersetzt kein Backup.',
      en: 'A continuous copy to a second system (e.g. database replication, Galera, mirrored storage), usually with interval `0`: meets any RPO against hardware and site failures, but copies a deletion or a corruption at once. Does not replace a backup.',
    },
  },
  {
    id: 'relstorage-replication',
    label: { de: 'Replikation über RelStorage', en: 'Replication via RelStorage' },
    explanation: {
      de: 'Replikation der SQL-Datenbank hinter RelStorage (Master-Master), BLOBs eingeschlossen: eine laufende Kopie, die ein Löschen oder eine Beschädigung sofort mitkopiert. Ersetzt kein Backup.',
      en: 'Replication of the SQL database behind RelStorage (master-master), BLOBs included: a continuous copy that copies a deletion or a corruption at once. Does not replace a backup.',
    },
  },
  {
    id: 'drbd',
    label: { de: 'DRBD-Spiegelung', en: 'DRBD mirroring' },
    explanation: {
      de: 'Blockweise Spiegelung eines Datenträgers auf einen zweiten Server (DRBD): eine laufende Kopie, die ein Löschen oder eine Beschädigung sofort mitkopiert. Ersetzt kein Backup.',
      en: 'Block-level mirroring of a volume to a second server (DRBD): a continuous copy that copies a deletion or a corruption at once. Does not replace a backup.',
    },
  },
];

/**
 * The backup methods that are replications (format.md): a continuous copy that meets any RPO,
 * but copies a deletion or a corruption at once.
 */
export const REPLICATION_METHODS: ReadonlySet<string> = new Set(['replication', 'relstorage-replication', 'drbd']);
