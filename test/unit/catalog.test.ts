import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CATEGORIES,
  COMPONENT_KINDS,
  ENUMS,
  ENUM_NAMES,
  SCENARIO_TYPES,
  categoryById,
  componentKindById,
  enumEntryById,
  scenarioTypeById,
  scenarioTypesOf,
  type CatalogEntry,
} from '../../server/src/core/catalog';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** The catalog table of format.md, verbatim. */
const FORMAT_CATEGORIES: Readonly<Record<string, { de: string; types: Readonly<Record<string, string>> }>> = {
  hardware: {
    de: 'Hardware-Fehler',
    types: {
      'network-component': 'Ausfall aktiver Netzwerkkomponenten',
      'vm-server': 'Ausfall des VM-Servers',
      'storage-server': 'Ausfall des Storage-Servers',
      'server-rack': 'Ausfall des Server-Racks',
    },
  },
  'force-majeure': {
    de: 'Höhere Gewalt',
    types: {
      'power-outage': 'Stromausfall',
      'network-outage': 'Unterbrochene Netzwerkverbindung',
    },
  },
  software: {
    de: 'Software-Fehler',
    types: {
      'corrupt-filesystem': 'Korruptes Dateisystem',
      'configuration-error': 'Konfigurationsfehler',
      'application-error': 'Fehler der Applikation',
    },
  },
  operator: {
    de: 'Bedienfehler',
    types: {
      'deleted-files': 'Versehentliches Löschen von Dateien',
      'deleted-data': 'Versehentliches Löschen von Verzeichnissen/Datenbanken',
    },
  },
};

const FORMAT_COMPONENT_KINDS: Readonly<Record<string, string | undefined>> = {
  site: undefined,
  room: 'Serverraum',
  'raid-storage': 'RAID-Storage',
  'redundant-power-supply': 'Redundante Netzteile',
  'spare-parts': 'Ersatzteile',
  ups: 'USV',
  'network-switch': undefined,
  router: undefined,
  firewall: undefined,
  'load-balancer': undefined,
  'vm-host': undefined,
  'storage-server': undefined,
  'server-rack': undefined,
  'backup-storage': undefined,
  generator: 'Netzersatzanlage',
  'zeo-server': undefined,
  'zeo-client': undefined,
  'database-server': undefined,
};

const FORMAT_ENUMS: Readonly<Record<string, Readonly<Record<string, string | undefined>>>> = {
  planStatus: { draft: 'Entwurf', approved: 'Freigegeben' },
  classification: { public: 'öffentlich', internal: 'intern', confidential: 'vertraulich' },
  contactFunction: {
    'it-lead': 'IT-Leitung',
    'on-call': 'Bereitschaft',
    dpo: 'Datenschutzbeauftragte/r',
    management: 'Leitung der Organisation',
    provider: 'Dienstleister / Rechenzentrumsbetreiber',
    'crisis-team': 'Notfallstab',
  },
  databaseStrategy: { snapshot: undefined, 'relstorage-replication': undefined, 'drbd-heartbeat': undefined, none: undefined },
  loadBalancingMethod: { fair: undefined, 'round-robin': undefined, 'least-connections': undefined, none: undefined },
  exerciseKind: {
    'plan-review': 'Planbesprechung',
    alerting: 'Alarmierungsübung',
    'functional-test': 'Funktionstest',
    'full-recovery': 'Vollübung',
  },
  exerciseResult: { passed: 'bestanden', partial: 'teilweise', failed: 'nicht bestanden' },
  backupMethod: {
    'volume-snapshot': undefined,
    repozo: undefined,
    'relstorage-dump': undefined,
    'file-copy': undefined,
    'database-dump': undefined,
    replication: undefined,
    'relstorage-replication': undefined,
    drbd: undefined,
  },
};

// Transliterations (ae/oe/ue/ss for ä/ö/ü/ß) of words this catalog uses; none may appear.
const TRANSLITERATED =
  /hoeher|loesch|oeffentl|verfueg|uebung|pruef|ausfaell|massnahm|\bfuer\b|\bueber|moeglich|geraet|zurueck|aufwaend|waehrend|laeuft|stoerung|regelmaessig|zusaetzlich|groess|benoetig|verkuerz|rueckkehr|ungueltig|gueltig|ueberwach|beschaedig|aenderung|faellt|genuegt|gewaehr|ausserhalb|schuetz|frueher|waerm|kuehl|fuehr/i;

const ALL_ENTRIES: readonly CatalogEntry[] = [
  ...CATEGORIES,
  ...SCENARIO_TYPES,
  ...COMPONENT_KINDS,
  ...ENUM_NAMES.flatMap((name) => ENUMS[name]),
];

function germanTexts(): string[] {
  return [
    ...ALL_ENTRIES.flatMap((entry) => [entry.label.de, entry.explanation.de]),
    ...SCENARIO_TYPES.flatMap((type) => [...type.prevention, ...type.recovery]),
  ];
}

function assertUniqueIds(entries: readonly CatalogEntry[], what: string): void {
  const ids = entries.map((entry) => entry.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ${what} id in ${ids.join(', ')}`);
  for (const id of ids) assert.match(id, ID, `${what} id ${id}`);
}

describe('catalog', () => {
  it('has exactly the categories and scenario types of format.md', () => {
    assert.deepEqual(
      CATEGORIES.map((category) => category.id),
      Object.keys(FORMAT_CATEGORIES),
    );
    for (const category of CATEGORIES) {
      const expected = FORMAT_CATEGORIES[category.id];
      assert.ok(expected);
      assert.equal(category.label.de, expected.de);
      assert.deepEqual([...category.types], Object.keys(expected.types));
      for (const [typeId, title] of Object.entries(expected.types)) {
        assert.equal(scenarioTypeById(typeId)?.label.de, title, typeId);
      }
    }
    assert.equal(SCENARIO_TYPES.length, 11);
  });

  it("has every category's types, each pointing back to its category", () => {
    for (const category of CATEGORIES) {
      for (const typeId of category.types) {
        const type = scenarioTypeById(typeId);
        assert.ok(type, `type ${typeId} of ${category.id} missing`);
        assert.equal(type.category, category.id);
      }
      assert.deepEqual(
        scenarioTypesOf(category.id).map((type) => type.id),
        [...category.types],
      );
    }
    for (const type of SCENARIO_TYPES) {
      const category = categoryById(type.category);
      assert.ok(category, `category ${type.category} of ${type.id} missing`);
      assert.ok(category.types.includes(type.id), `${type.id} not listed in ${category.id}`);
    }
  });

  it('has unique, well-formed ids', () => {
    assertUniqueIds(CATEGORIES, 'category');
    assertUniqueIds(SCENARIO_TYPES, 'scenario type');
    assertUniqueIds(COMPONENT_KINDS, 'component kind');
    for (const name of ENUM_NAMES) assertUniqueIds(ENUMS[name], name);
  });

  it('has German and English labels and explanations everywhere', () => {
    for (const entry of ALL_ENTRIES) {
      for (const text of [entry.label.de, entry.label.en, entry.explanation.de, entry.explanation.en]) {
        assert.ok(text.trim().length > 0, `empty text in ${entry.id}`);
        assert.equal(text, text.trim(), `surrounding space in ${entry.id}`);
      }
      assert.notEqual(entry.explanation.de, entry.explanation.en, `untranslated explanation in ${entry.id}`);
    }
  });

  it('writes German with real umlauts', () => {
    assert.equal(categoryById('force-majeure')?.label.de, 'Höhere Gewalt');
    assert.equal(scenarioTypeById('deleted-files')?.label.de, 'Versehentliches Löschen von Dateien');
    assert.equal(
      scenarioTypeById('deleted-data')?.label.de,
      'Versehentliches Löschen von Verzeichnissen/Datenbanken',
    );
    assert.equal(enumEntryById('classification', 'public')?.label.de, 'öffentlich');
    assert.equal(enumEntryById('exerciseKind', 'alerting')?.label.de, 'Alarmierungsübung');
    assert.equal(enumEntryById('exerciseKind', 'full-recovery')?.label.de, 'Vollübung');
    for (const text of germanTexts()) {
      assert.doesNotMatch(text, TRANSLITERATED, text);
      assert.equal(text, text.normalize('NFC'), `decomposed umlaut in: ${text}`);
    }
    // The seed's wording survives where it is quoted.
    assert.match(enumEntryById('databaseStrategy', 'snapshot')?.explanation.de ?? '', /genügt es völlig/);
    assert.match(enumEntryById('databaseStrategy', 'drbd-heartbeat')?.explanation.de ?? '', /Aufwändig/);
  });

  it('marks exactly storage-server, server-rack and the software and operator types as data-losing', () => {
    const losing = new Set(['storage-server', 'server-rack']);
    for (const categoryId of ['software', 'operator']) {
      for (const typeId of categoryById(categoryId)?.types ?? []) losing.add(typeId);
    }
    assert.equal(losing.size, 7);
    for (const type of SCENARIO_TYPES) {
      assert.equal(type.losesData, losing.has(type.id), type.id);
    }
  });

  it('suggests prevention and recovery steps for every type', () => {
    for (const type of SCENARIO_TYPES) {
      assert.ok(type.prevention.length >= 1, `${type.id} has no prevention`);
      assert.ok(type.recovery.length >= 1, `${type.id} has no recovery`);
      for (const step of [...type.prevention, ...type.recovery]) {
        assert.ok(step.trim().length > 0, `empty step in ${type.id}`);
      }
    }
    const storage = scenarioTypeById('storage-server');
    assert.ok(storage);
    assert.ok(storage.prevention.includes('RAID-Storage'));
    assert.ok(storage.prevention.includes('Snapshots des Volume Managers'));
    assert.ok(storage.recovery.includes('ZEO-Server mit dem Backup der ZODB aus dem Snapshot neu aufsetzen'));
  });

  it('has the component kinds of format.md', () => {
    for (const [id, de] of Object.entries(FORMAT_COMPONENT_KINDS)) {
      const kind = componentKindById(id);
      assert.ok(kind, `component kind ${id} missing`);
      if (de !== undefined) assert.equal(kind.label.de, de, id);
    }
  });

  it('has the enumerations of format.md', () => {
    assert.deepEqual([...ENUM_NAMES].sort(), Object.keys(FORMAT_ENUMS).sort());
    for (const [name, values] of Object.entries(FORMAT_ENUMS)) {
      const entries = ENUMS[name as keyof typeof ENUMS];
      assert.deepEqual(
        entries.map((entry) => entry.id),
        Object.keys(values),
        name,
      );
      for (const [id, de] of Object.entries(values)) {
        if (de !== undefined) assert.equal(enumEntryById(name as keyof typeof ENUMS, id)?.label.de, de);
      }
    }
  });

  it('answers lookups from the same objects and misses unknown ids', () => {
    assert.equal(categoryById('hardware'), CATEGORIES[0]);
    assert.equal(scenarioTypeById('storage-server'), SCENARIO_TYPES.find((type) => type.id === 'storage-server'));
    assert.equal(componentKindById('ups'), COMPONENT_KINDS.find((kind) => kind.id === 'ups'));
    assert.equal(categoryById('nope'), undefined);
    assert.equal(scenarioTypeById('hardware'), undefined);
    assert.equal(componentKindById('toString'), undefined);
    assert.equal(enumEntryById('planStatus', 'final'), undefined);
    assert.deepEqual(scenarioTypesOf('nope'), []);
  });
});
