/**
 * Where in a plan's YAML each finding points, as a path that stays where it is when lines move:
 * the keys down to the finding, and for an item of a list its `id` where it has one (else its
 * position). The GitLab report's fingerprints are made of it (codeQuality.ts), so a comment or a
 * scenario added above a finding leaves the finding what it was.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Analysis } from '../core';
import { pathAt } from '../core/render/findingPlace';

/** A key, a list position, or a list item named by its `id`. */
export type PathSegment = string | number | { readonly id: string };

/** The path of each of the analysis's findings, in their order (the order of its diagnostics). */
export function findingPaths(analysis: Analysis): PathSegment[][] {
  const root = analysis.yaml.root;
  return analysis.findings.map((finding) => namedByIds(root, pathAt(root, finding.span.start)));
}

/** `path` with each list position whose item has a text `id` replaced by that id. */
function namedByIds(root: Node | null, path: readonly (string | number)[]): PathSegment[] {
  const named: PathSegment[] = [];
  let here: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(here)) {
      const item: unknown = here.items[segment];
      const id: unknown = isMap(item) ? item.get('id', true) : undefined;
      named.push(isScalar(id) && typeof id.value === 'string' ? { id: id.value } : segment);
      here = item;
    } else {
      named.push(segment);
      here = isMap(here) ? here.get(segment, true) : undefined;
    }
  }
  return named;
}
