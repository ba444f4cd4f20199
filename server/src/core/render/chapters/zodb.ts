import { DATABASE_STRATEGIES, enumEntryById } from '../../catalog';
import { col, orMissing, shown, table } from '../blocks';
import { strong, text, type Block, type Fields } from '../tree';
import type { PlanModel } from '../../model/plan';
import type { Chapter } from './chapter';

/**
 * Betrieb der ZODB/ZEO: the database strategy and the load balancing of the ZEO clients. Only for
 * a plan that runs a ZODB behind ZEO (runsZeo); the parts it names.
 */
export const zodb: Chapter = (context) => {
  const availability = context.model.availability;
  const database = availability?.database;
  const balancing = availability?.loadBalancing;
  if (!availability || (!database && !balancing) || !runsZeo(context.model)) return undefined;
  const line = context.keyLine(database ? availability.keys.database : availability.keys.load_balancing);
  const blocks: Block[] = [];
  const chapter = context.heading(1, 'zodb-zeo', 'Betrieb der ZODB/ZEO', line);
  if (database) {
    const dbLine = context.keyLine(availability.keys.database);
    const strategy = shown(database.strategy);
    const chosen = strategy ? enumEntryById('databaseStrategy', strategy) : undefined;
    blocks.push(context.heading(2, 'zodb-datenbank', 'Datenbank (ZODB)', dbLine));
    blocks.push({
      kind: 'fields',
      sourceLine: dbLine,
      items: [{ label: 'Gewählte Strategie', value: orMissing(chosen?.label.de ?? strategy) }],
    });
    if (chosen) blocks.push({ kind: 'paragraph', content: [text(chosen.explanation.de)] });
    const notes = shown(database.notes);
    if (notes) blocks.push({ kind: 'paragraph', content: [strong(text('Anmerkungen: ')), text(notes)], sourceLine: context.keyLine(database.keys.notes) });
    // The seed weighs the options against each other; the auditor sees the choice among them.
    const options = DATABASE_STRATEGIES.filter((entry) => entry.id !== 'none');
    blocks.push({ kind: 'paragraph', style: 'label', content: [text('Verfahren im Vergleich')] });
    blocks.push(
      table(
        [col('Verfahren', 2), col('Bewertung', 6)],
        options.map((entry) => ({
          kind: 'row',
          cells: [entry.id === chosen?.id ? [strong(text(`${entry.label.de} (gewählt)`))] : [text(entry.label.de)], [text(entry.explanation.de)]],
        })),
        'normal',
        dbLine,
      ),
    );
  }
  if (balancing) {
    const lbLine = context.keyLine(availability.keys.load_balancing);
    const method = shown(balancing.method);
    const chosen = method ? enumEntryById('loadBalancingMethod', method) : undefined;
    const clients = balancing.clients?.value;
    blocks.push(context.heading(2, 'zodb-load-balancing', 'Load-Balancing', lbLine));
    const items: Fields['items'][number][] = [{ label: 'Verfahren', value: orMissing(chosen?.label.de ?? method) }];
    if (clients !== undefined) items.push({ label: 'ZEO-Clients', value: [text(String(clients))] });
    blocks.push({ kind: 'fields', items, sourceLine: lbLine });
    if (chosen) blocks.push({ kind: 'paragraph', content: [text(chosen.explanation.de)] });
    const notes = shown(balancing.notes);
    if (notes) blocks.push({ kind: 'paragraph', content: [strong(text('Anmerkungen: ')), text(notes)], sourceLine: context.keyLine(balancing.keys.notes) });
  }
  return { kind: 'section', role: 'chapter', id: `kapitel-${chapter.id}`, sourceLine: line, children: [chapter, ...blocks] };
};

const ZEO_KINDS: ReadonlySet<string> = new Set(['zeo-server', 'zeo-client']);

/**
 * Whether the plan runs a ZODB behind ZEO: it has a ZEO server or client among its components,
 * or chooses a strategy for the ZODB, or balances load between ZEO clients (the catalog's
 * methods are methods for ZEO clients). A strategy or a method `none` alone says nothing of it.
 */
export function runsZeo(model: PlanModel): boolean {
  if (model.components.some((component) => ZEO_KINDS.has(component.kind?.value.trim() ?? ''))) return true;
  const chosen = (value: string | undefined) => value !== undefined && value !== 'none';
  const availability = model.availability;
  return chosen(shown(availability?.database?.strategy)) || chosen(shown(availability?.loadBalancing?.method));
}
