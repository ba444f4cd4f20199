import type { ComponentKind } from './types';

/**
 * Component kinds: the sites and rooms that hold the rest, the seed's "Standardkomponenten für
 * erhöhte Verfügbarkeit" and the infrastructure a ZEO/ZODB installation is built from. Explanations say why each one
 * raises availability.
 */
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  {
    id: 'site',
    label: { de: 'Standort', en: 'Site' },
    explanation: {
      de: 'Ein Standort bzw. Rechenzentrum, das Räume, Racks und Geräte enthält (`in`). Fällt der Standort aus (Brand, Hochwasser, Stromausfall), fällt alles in ihm mit aus; nur ein zweiter Standort schützt davor.',
      en: 'A site or data centre that holds rooms, racks and devices (`in`). When the site fails (fire, flood, power outage), everything in it fails too; only a second site protects against that.',
    },
  },
  {
    id: 'room',
    label: { de: 'Serverraum', en: 'Server room' },
    explanation: {
      de: 'Ein Serverraum bzw. Brandabschnitt, der Racks und Geräte enthält (`in`). Getrennte Räume für System und Sicherung verhindern, dass ein Brand oder Wasserschaden beide trifft.',
      en: 'A server room or fire compartment that holds racks and devices (`in`). Separate rooms for the system and its backup keep a fire or water damage from hitting both.',
    },
  },
  {
    id: 'raid-storage',
    label: { de: 'RAID-Storage', en: 'RAID storage' },
    explanation: {
      de: 'Verteilt die Daten gespiegelt oder mit Parität auf mehrere Festplatten, so dass der Ausfall einer Platte weder zum Ausfall noch zu Datenverlust führt. Ersetzt kein Backup.',
      en: 'Spreads data across several disks, mirrored or with parity, so that a failed disk causes neither downtime nor data loss. Does not replace a backup.',
    },
  },
  {
    id: 'redundant-power-supply',
    label: { de: 'Redundante Netzteile', en: 'Redundant power supplies' },
    explanation: {
      de: 'Zwei Netzteile pro Gerät, am besten an getrennten Stromkreisen: Fällt ein Netzteil oder ein Stromkreis aus, läuft das Gerät weiter.',
      en: 'Two power supplies per device, ideally on separate circuits: if one power supply or circuit fails, the device keeps running.',
    },
  },
  {
    id: 'spare-parts',
    label: { de: 'Ersatzteile', en: 'Spare parts' },
    explanation: {
      de: 'Vorgehaltene Festplatten, Netzteile oder Switches verkürzen die Wiederherstellung von Tagen Lieferzeit auf Minuten oder Stunden.',
      en: 'Disks, power supplies or switches kept in stock cut recovery from days of delivery time to minutes or hours.',
    },
  },
  {
    id: 'ups',
    label: { de: 'USV', en: 'UPS' },
    explanation: {
      de: 'Unterbrechungsfreie Stromversorgung: überbrückt kurze Stromausfälle und gibt bei längeren Zeit, die Systeme geordnet herunterzufahren oder die Netzersatzanlage anlaufen zu lassen.',
      en: 'Uninterruptible power supply: bridges short power outages and, for longer ones, gives time to shut systems down cleanly or to start the backup generator.',
    },
  },
  {
    id: 'network-switch',
    label: { de: 'Netzwerk-Switch', en: 'Network switch' },
    explanation: {
      de: 'Verbindet die Server im lokalen Netz. Paarweise oder als Stack mit doppelt angebundenen Servern ausgelegt, übersteht das Netz den Ausfall eines Switches.',
      en: 'Connects the servers in the local network. Deployed in pairs or as a stack with dual-homed servers, the network survives the loss of one switch.',
    },
  },
  {
    id: 'router',
    label: { de: 'Router', en: 'Router' },
    explanation: {
      de: 'Verbindet das Netz des Rechenzentrums mit anderen Netzen und dem Internet. Ein redundantes Router-Paar (z. B. VRRP) vermeidet einen Single Point of Failure.',
      en: 'Connects the data-centre network to other networks and the internet. A redundant router pair (e.g. VRRP) avoids a single point of failure.',
    },
  },
  {
    id: 'firewall',
    label: { de: 'Firewall', en: 'Firewall' },
    explanation: {
      de: 'Filtert den Netzwerkverkehr zu den Diensten. Als Cluster (aktiv/passiv) betrieben, unterbricht der Ausfall einer Firewall die Dienste nicht.',
      en: 'Filters the network traffic to the services. Run as a cluster (active/passive), the failure of one firewall does not interrupt the services.',
    },
  },
  {
    id: 'load-balancer',
    label: { de: 'Load-Balancer', en: 'Load balancer' },
    explanation: {
      de: 'Verteilt die Anfragen auf mehrere ZEO-Clients (Fair Balancing) und nimmt ausgefallene Clients aus der Verteilung, so dass Nutzer den Ausfall eines Clients nicht bemerken.',
      en: 'Distributes requests across several ZEO clients (fair balancing) and takes failed clients out of rotation, so users do not notice when one client fails.',
    },
  },
  {
    id: 'vm-host',
    label: { de: 'VM-Host', en: 'VM host' },
    explanation: {
      de: 'Virtualisierungsserver für die VMs. Mit mehreren Hosts und gemeinsamem Storage lassen sich VMs bei einem Ausfall auf einem anderen Host neu starten oder vorab migrieren.',
      en: 'Virtualisation server for the VMs. With several hosts and shared storage, VMs can be restarted on another host after a failure, or migrated beforehand.',
    },
  },
  {
    id: 'storage-server',
    label: { de: 'Storage-Server', en: 'Storage server' },
    explanation: {
      de: 'Hält die Daten zentral, z. B. ZODB, BLOBs und VM-Disks. Mit RAID-Storage und Snapshots des Volume Managers lässt sich ein früherer Stand schnell wiederherstellen.',
      en: 'Holds the data centrally, e.g. the ZODB, BLOBs and VM disks. With RAID storage and volume-manager snapshots an earlier state can be restored quickly.',
    },
  },
  {
    id: 'server-rack',
    label: { de: 'Server-Rack', en: 'Server rack' },
    explanation: {
      de: 'Schrank mit Servern, Stromverteilung und Kühlung. Redundante Systeme in getrennten Racks bzw. Brandabschnitten verhindern, dass ein Rack-Ausfall alles gleichzeitig trifft.',
      en: 'Cabinet with servers, power distribution and cooling. Putting redundant systems in separate racks or fire compartments keeps one rack failure from taking down everything at once.',
    },
  },
  {
    id: 'backup-storage',
    label: { de: 'Backup-Storage', en: 'Backup storage' },
    explanation: {
      de: 'Vom Produktivsystem getrennter Speicher für Backups, am besten an einem anderen Standort (offsite), damit die Backups den Ausfall des Storage-Servers oder des Racks überstehen.',
      en: 'Storage for backups kept apart from production, ideally at another site (offsite), so that the backups survive the loss of the storage server or the rack.',
    },
  },
  {
    id: 'generator',
    label: { de: 'Netzersatzanlage', en: 'Backup generator' },
    explanation: {
      de: 'Stromaggregat (meist Diesel), das bei längeren Stromausfällen die Versorgung übernimmt; die USV überbrückt die Zeit bis zum Anlaufen.',
      en: 'Generator set (usually diesel) that takes over during longer power outages; the UPS bridges the time until it is running.',
    },
  },
  {
    id: 'zeo-server',
    label: { de: 'ZEO-Server', en: 'ZEO server' },
    explanation: {
      de: 'Stellt die ZODB den ZEO-Clients über das Netz bereit. Bei den meisten Uptime-Anforderungen genügt es, ihn bei Bedarf aus einem Snapshot des Volume Managers mit dem Backup der ZODB neu aufzusetzen.',
      en: 'Serves the ZODB to the ZEO clients over the network. For most uptime requirements it is enough to rebuild it when needed from a volume-manager snapshot with the ZODB backup.',
    },
  },
  {
    id: 'zeo-client',
    label: { de: 'ZEO-Client', en: 'ZEO client' },
    explanation: {
      de: 'Anwendungsserver (z. B. Zope/Plone), der die ZODB über den ZEO-Server nutzt. Mehrere ZEO-Clients hinter einem Load-Balancer fangen den Ausfall einzelner Clients ab.',
      en: 'Application server (e.g. Zope/Plone) that uses the ZODB through the ZEO server. Several ZEO clients behind a load balancer absorb the failure of individual clients.',
    },
  },
  {
    id: 'database-server',
    label: { de: 'Datenbankserver', en: 'Database server' },
    explanation: {
      de: 'SQL-Datenbank, z. B. als Speicher für RelStorage. Unterstützt sie Master-Master-Replikation, werden die Daten einschließlich der BLOBs auf einen zweiten Server repliziert.',
      en: 'SQL database, e.g. as the store behind RelStorage. If it supports master-master replication, the data including the BLOBs is replicated to a second server.',
    },
  },
  {
    id: 'cooling',
    label: { de: 'Klimatisierung', en: 'Cooling' },
    explanation: {
      de: 'Kühlung des Serverraums. Redundante Klimageräte und Temperaturüberwachung verhindern, dass Überhitzung Hardware abschaltet oder beschädigt.',
      en: 'Cooling of the server room. Redundant cooling units and temperature monitoring keep overheating from shutting down or damaging hardware.',
    },
  },
  {
    id: 'monitoring',
    label: { de: 'Monitoring-System', en: 'Monitoring system' },
    explanation: {
      de: 'Überwacht Dienste und Hardware, alarmiert bei Ausfällen und liefert die Verfügbarkeitsmessungen, mit denen sich die Verfügbarkeit belegen lässt. Verkürzt die Zeit bis zur Erkennung eines Ausfalls.',
      en: 'Watches services and hardware, raises alerts on failures and provides the availability measurements that prove the availability. Shortens the time until an outage is noticed.',
    },
  },
];
