import type { Location } from 'vscode-languageserver-types';
import type { Analysis } from '../analysis';
import { navigationIndex } from './navigationIndex';

/**
 * Go to definition: from an id or a reference to it (`backup`, `affects`, `responsible`,
 * `owner`, `alert`) to the `id:` that declares it. On the declaration itself it answers the
 * declaration, so that an editor offers the references instead (VS Code does). A duplicated id
 * has several declarations, and all are answered; an unknown reference has none.
 */
export function definition(analysis: Analysis, offset: number, uri: string): Location[] {
  const index = navigationIndex(analysis);
  const here = index.at(offset);
  if (!here) return [];
  return index.declarations(here.list, here.id).map((declaration) => ({
    uri,
    range: analysis.yaml.index.rangeOf(declaration.span),
  }));
}
