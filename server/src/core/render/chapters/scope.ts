import { shown } from '../blocks';
import { text } from '../tree';
import type { Chapter } from './chapter';

/** Geltungsbereich: the plan's `scope`, when it has one. */
export const scope: Chapter = (context) => {
  const plan = context.model.plan;
  const scopeText = shown(plan?.scope);
  if (!scopeText) return undefined;
  const line = context.keyLine(plan?.keys.scope);
  return context.chapter('geltungsbereich', 'Geltungsbereich', line, [{ kind: 'paragraph', content: [text(scopeText)], sourceLine: line }]);
};
