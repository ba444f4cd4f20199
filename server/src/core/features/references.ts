import type { Location } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { navigationIndex } from './navigationIndex';

/**
 * Find references: from an id or a reference to it, every place that names the same id of the
 * same list, in document order; the declaration too when the client asks for it
 * (`context.includeDeclaration`). Aliases that stand for the id count as references where they
 * are written.
 */
export function references(analysis: Analysis, offset: number, uri: string, includeDeclaration: boolean): Location[] {
  const index = navigationIndex(analysis);
  const here = index.at(offset);
  if (!here) return [];
  return index
    .of(here.list, here.id)
    .filter((occurrence) => includeDeclaration || occurrence.role === 'reference')
    .map((occurrence) => ({ uri, range: analysis.yaml.index.rangeOf(occurrence.span) }));
}
