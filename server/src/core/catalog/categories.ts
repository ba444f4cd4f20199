import type { Category, ScenarioType } from './types';

/** The four scenario categories of the seed (Szenarien), in the seed's order. */
export const CATEGORIES: readonly Category[] = [
  {
    id: 'hardware',
    label: { de: 'Hardware-Fehler', en: 'Hardware failure' },
    explanation: {
      de: 'Ausfall physischer Komponenten im Rechenzentrum: Netzwerkkomponenten, VM-Server, Storage-Server oder ein ganzes Server-Rack. Vorsorge: Standardkomponenten für erhöhte Verfügbarkeit wie RAID-Storage, redundante Netzteile und Ersatzteile.',
      en: 'Failure of physical components in the data centre: network components, VM host, storage server or a whole server rack. Prevention: standard components for higher availability such as RAID storage, redundant power supplies and spare parts.',
    },
    types: ['network-component', 'vm-server', 'storage-server', 'server-rack'],
  },
  {
    id: 'force-majeure',
    label: { de: 'Höhere Gewalt', en: 'Force majeure' },
    explanation: {
      de: 'Ereignisse außerhalb des eigenen Einflusses, etwa ein Stromausfall oder eine unterbrochene Netzwerkverbindung. Vorsorge trifft meist der Betreiber des Rechenzentrums, z. B. mit USV, Netzersatzanlage und redundanter Anbindung.',
      en: 'Events outside your own control, such as a power outage or an interrupted network connection. Prevention is mostly up to the data-centre operator, e.g. UPS, backup generator and redundant uplinks.',
    },
    types: ['power-outage', 'network-outage'],
  },
  {
    id: 'software',
    label: { de: 'Software-Fehler', en: 'Software failure' },
    explanation: {
      de: 'Fehler in Dateisystem, Konfiguration oder Applikation. Redundante Hardware hilft hier nicht, weil der Fehler mitrepliziert wird; es braucht Snapshots und Backups, aus denen ein früherer Stand wiederhergestellt werden kann.',
      en: 'Faults in the file system, the configuration or the application. Redundant hardware does not help because the fault is replicated too; you need snapshots and backups to restore an earlier state.',
    },
    types: ['corrupt-filesystem', 'configuration-error', 'application-error'],
  },
  {
    id: 'operator',
    label: { de: 'Bedienfehler', en: 'Operator error' },
    explanation: {
      de: 'Menschliche Fehler im Betrieb, vor allem versehentliches Löschen von Dateien, Verzeichnissen oder Datenbanken. Schutz bieten Rechte nach dem Minimalprinzip, Snapshots und regelmäßig getestete Backups.',
      en: 'Human mistakes in operation, above all accidentally deleting files, directories or databases. Least-privilege access, snapshots and regularly tested backups protect against them.',
    },
    types: ['deleted-files', 'deleted-data'],
  },
];

/** The eleven scenario types; `label.de` is the exact German title of format.md. */
export const SCENARIO_TYPES: readonly ScenarioType[] = [
  // hardware
  {
    id: 'network-component',
    category: 'hardware',
    label: { de: 'Ausfall aktiver Netzwerkkomponenten', en: 'Failure of active network components' },
    explanation: {
      de: 'Ein Switch, Router, eine Firewall oder ein Load-Balancer fällt aus: Die Server laufen weiter, sind aber nicht mehr erreichbar. Daten gehen dabei in der Regel nicht verloren.',
      en: 'A switch, router, firewall or load balancer fails: the servers keep running but can no longer be reached. Usually no data is lost.',
    },
    losesData: false,
    prevention: [
      'Redundante Netzwerkkomponenten (z. B. Switch-Stack, Router-Paar mit VRRP, Firewall-Cluster)',
      'Redundante Netzteile',
      'Ersatzteile vorhalten',
      'Konfiguration der Netzwerkkomponenten regelmäßig sichern',
    ],
    recovery: [
      'Ausgefallene Komponente anhand des Monitorings eingrenzen',
      'Auf die redundante Komponente umschalten oder Ersatzteil einbauen',
      'Gesicherte Konfiguration einspielen',
      'Erreichbarkeit der Dienste prüfen',
    ],
  },
  {
    id: 'vm-server',
    category: 'hardware',
    label: { de: 'Ausfall des VM-Servers', en: 'Failure of the VM server' },
    explanation: {
      de: 'Der Virtualisierungshost fällt aus und mit ihm alle darauf laufenden VMs, z. B. die ZEO-Clients. Liegen die VM-Disks auf dem Storage-Server, bleiben die Daten erhalten.',
      en: 'The virtualisation host fails, and with it every VM running on it, e.g. the ZEO clients. If the VM disks live on the storage server, the data survives.',
    },
    losesData: false,
    prevention: [
      'Redundante Netzteile',
      'Ersatzteile vorhalten',
      'Mehrere VM-Hosts mit gemeinsamem Storage (Hochverfügbarkeit, Live-Migration)',
      'ZEO-Clients auf mehrere VM-Hosts verteilen, Load-Balancing davor',
    ],
    recovery: [
      'Betroffene VMs auf einem anderen VM-Host starten',
      'Defekte Hardware mit Ersatzteilen instand setzen',
      'ZEO-Clients wieder in das Load-Balancing aufnehmen und Dienste prüfen',
    ],
  },
  {
    id: 'storage-server',
    category: 'hardware',
    label: { de: 'Ausfall des Storage-Servers', en: 'Failure of the storage server' },
    explanation: {
      de: 'Der Server, der die Daten hält (z. B. ZODB und BLOBs), fällt aus. Die Daten seit dem letzten Snapshot oder Backup können verloren sein; ein Backup ist daher Pflicht.',
      en: 'The server holding the data (e.g. the ZODB and its BLOBs) fails. Data written since the last snapshot or backup may be lost, so a backup is mandatory.',
    },
    losesData: true,
    prevention: [
      'RAID-Storage',
      'Snapshots des Volume Managers',
      'Redundante Netzteile',
      'Backups auf einem getrennten Backup-Storage',
    ],
    recovery: [
      'Storage-Server instand setzen oder Ersatzsystem bereitstellen',
      'ZEO-Server mit dem Backup der ZODB aus dem Snapshot neu aufsetzen',
      'ZEO-Clients neu starten und Datenbestand prüfen',
    ],
  },
  {
    id: 'server-rack',
    category: 'hardware',
    label: { de: 'Ausfall des Server-Racks', en: 'Failure of the server rack' },
    explanation: {
      de: 'Ein ganzes Rack fällt aus, etwa durch Stromverteilung, Kühlung, Brand oder Wasser, und damit alle Systeme darin gleichzeitig. Liegen Snapshots und Backups im selben Rack, sind auch sie verloren.',
      en: 'A whole rack fails, e.g. through power distribution, cooling, fire or water, taking down every system in it at once. Snapshots and backups kept in the same rack are lost as well.',
    },
    losesData: true,
    prevention: [
      'Redundante Systeme auf getrennte Racks bzw. Brandabschnitte verteilen',
      'Backups außerhalb des Racks (offsite) aufbewahren',
      'Redundante Stromzuführung (A/B-Einspeisung) und Überwachung von Temperatur und Strom',
    ],
    recovery: [
      'Ersatz-Hardware in einem anderen Rack bereitstellen',
      'Storage und ZEO-Server mit dem Backup der ZODB vom externen Backup-Storage neu aufsetzen',
      'VMs und ZEO-Clients neu aufsetzen und in das Load-Balancing aufnehmen',
      'Datenbestand und Dienste prüfen',
    ],
  },
  // force-majeure
  {
    id: 'power-outage',
    category: 'force-majeure',
    label: { de: 'Stromausfall', en: 'Power outage' },
    explanation: {
      de: 'Die Stromversorgung des Rechenzentrums fällt aus. Eine USV überbrückt kurze Ausfälle, eine Netzersatzanlage längere; ohne beides fallen alle Systeme hart aus.',
      en: 'The power supply of the data centre fails. A UPS bridges short outages, a backup generator longer ones; without both, every system goes down hard.',
    },
    losesData: false,
    prevention: [
      'USV',
      'Netzersatzanlage',
      'Redundante Netzteile an getrennten Stromkreisen',
      'USV und Netzersatzanlage regelmäßig testen',
    ],
    recovery: [
      'Reicht die USV-Laufzeit nicht, Systeme geordnet herunterfahren',
      'Nach Rückkehr der Stromversorgung Systeme in fester Reihenfolge starten: Storage, Datenbank- bzw. ZEO-Server, ZEO-Clients',
      'Dateisysteme und ZODB auf Konsistenz prüfen',
    ],
  },
  {
    id: 'network-outage',
    category: 'force-majeure',
    label: { de: 'Unterbrochene Netzwerkverbindung', en: 'Interrupted network connection' },
    explanation: {
      de: 'Die Verbindung des Rechenzentrums zum Internet oder zu anderen Standorten ist unterbrochen, z. B. durch Bauarbeiten oder eine Störung beim Provider. Die Systeme laufen weiter, sind aber nicht erreichbar.',
      en: 'The connection of the data centre to the internet or to other sites is interrupted, e.g. by construction work or a provider fault. The systems keep running but cannot be reached.',
    },
    losesData: false,
    prevention: [
      'Redundante Anbindung über zwei Provider bzw. getrennte Leitungswege',
      'Erreichbarkeit von außen überwachen',
      'Störungsnummer und Vertragsdaten des Providers im Plan hinterlegen',
    ],
    recovery: [
      'Störung beim Provider melden',
      'Auf die Ersatzanbindung umschalten',
      'Nutzer über die Störung informieren',
      'Nach Behebung Erreichbarkeit der Dienste prüfen',
    ],
  },
  // software
  {
    id: 'corrupt-filesystem',
    category: 'software',
    label: { de: 'Korruptes Dateisystem', en: 'Corrupt file system' },
    explanation: {
      de: 'Das Dateisystem ist beschädigt, etwa nach einem harten Ausfall oder einem Fehler im Treiber. Dateien wie die ZODB können unlesbar werden; RAID schützt nicht, weil es die Beschädigung mitschreibt.',
      en: 'The file system is damaged, e.g. after a hard crash or a driver bug. Files such as the ZODB can become unreadable; RAID does not protect because it writes the damage to every disk.',
    },
    losesData: true,
    prevention: [
      'Journaling-Dateisystem verwenden',
      'Snapshots des Volume Managers',
      'Kernel- und Dateisystemmeldungen überwachen',
      'Regelmäßige Backups mit Wiederherstellungstest',
    ],
    recovery: [
      'Betroffene Dienste stoppen',
      'Dateisystem prüfen und reparieren (fsck)',
      'Bei nicht behebbaren Schäden Daten aus dem Snapshot oder Backup wiederherstellen',
      'Konsistenz der ZODB prüfen und Dienste wieder starten',
    ],
  },
  {
    id: 'configuration-error',
    category: 'software',
    label: { de: 'Konfigurationsfehler', en: 'Configuration error' },
    explanation: {
      de: 'Eine fehlerhafte Änderung an der Konfiguration legt Dienste lahm oder beschädigt Daten. Versionierte Konfiguration macht die Ursache schnell auffindbar und die Rücknahme einfach.',
      en: 'A faulty configuration change brings services down or damages data. Versioned configuration makes the cause quick to find and the change easy to revert.',
    },
    losesData: true,
    prevention: [
      'Konfiguration versionieren (z. B. Git) und automatisiert ausrollen',
      'Änderungen zuerst auf einem Testsystem prüfen',
      'Vier-Augen-Prinzip bei Änderungen an Produktivsystemen',
    ],
    recovery: [
      'Letzte Änderungen ermitteln',
      'Letzte funktionierende Konfiguration wieder einspielen',
      'Dienste neu starten und prüfen',
      'Beschädigte Daten aus dem Backup wiederherstellen',
    ],
  },
  {
    id: 'application-error',
    category: 'software',
    label: { de: 'Fehler der Applikation', en: 'Application error' },
    explanation: {
      de: 'Ein Fehler in der Anwendung, oft nach einem Update, führt zu Ausfällen oder schreibt falsche Daten. Die Daten müssen dann auf einen Stand vor dem Fehler zurückgesetzt werden.',
      en: 'A bug in the application, often after an update, causes outages or writes wrong data. The data then has to be reset to a state from before the fault.',
    },
    losesData: true,
    prevention: [
      'Updates zuerst auf einem Testsystem mit Kopie der Produktivdaten prüfen',
      'Automatisierte Tests vor jedem Deployment',
      'Versionierte Deployments, die sich zurückrollen lassen',
      'Backup unmittelbar vor jedem Update',
    ],
    recovery: [
      'Auf die letzte funktionierende Version zurückrollen',
      'Fehlerhafte Transaktionen rückgängig machen oder Daten aus dem Backup wiederherstellen',
      'Fehler beheben, testen und erneut ausrollen',
    ],
  },
  // operator
  {
    id: 'deleted-files',
    category: 'operator',
    label: { de: 'Versehentliches Löschen von Dateien', en: 'Accidental deletion of files' },
    explanation: {
      de: 'Jemand löscht versehentlich einzelne Dateien, z. B. Konfigurationsdateien oder BLOBs. Sie lassen sich meist schnell aus einem Snapshot oder Backup zurückholen.',
      en: 'Someone accidentally deletes individual files, e.g. configuration files or BLOBs. They can usually be restored quickly from a snapshot or backup.',
    },
    losesData: true,
    prevention: [
      'Snapshots des Volume Managers',
      'Regelmäßige Backups',
      'Rechte nach dem Minimalprinzip vergeben',
      'Bedienpersonal schulen',
    ],
    recovery: [
      'Umfang des Verlusts ermitteln',
      'Dateien aus dem Snapshot oder Backup wiederherstellen',
      'Vollständigkeit mit den Verantwortlichen prüfen',
    ],
  },
  {
    id: 'deleted-data',
    category: 'operator',
    label: {
      de: 'Versehentliches Löschen von Verzeichnissen/Datenbanken',
      en: 'Accidental deletion of directories/databases',
    },
    explanation: {
      de: 'Jemand löscht ganze Verzeichnisse oder eine Datenbank, etwa die ZODB oder die RelStorage-Datenbank. Alle Änderungen seit dem letzten Backup sind verloren, bis dahin steht der Dienst.',
      en: 'Someone deletes whole directories or a database, e.g. the ZODB or the RelStorage database. All changes since the last backup are lost, and the service is down until it is restored.',
    },
    losesData: true,
    prevention: [
      'Snapshots des Volume Managers',
      'Regelmäßige Backups der ZODB (z. B. repozo) bzw. der SQL-Datenbank',
      'Produktiv- und Testzugänge trennen, Rechte nach dem Minimalprinzip',
      'Bedienpersonal schulen',
    ],
    recovery: [
      'Schreibzugriffe stoppen, um weiteren Schaden zu vermeiden',
      'ZEO-Server mit dem Backup der ZODB aus dem Snapshot neu aufsetzen bzw. Datenbank aus dem Backup wiederherstellen',
      'Seit dem Backup verlorene Änderungen ermitteln und nacharbeiten',
      'Dienste prüfen und freigeben',
    ],
  },
];
