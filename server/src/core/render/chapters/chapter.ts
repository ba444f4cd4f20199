import type { DocumentContext } from '../context';
import type { Section } from '../tree';

/**
 * One part of the document: the cover, a chapter, the emergency card. Undefined when the plan
 * gives it nothing to say (no scope, no contacts…): the chapter is left out, not left empty.
 */
export type Chapter = (context: DocumentContext) => Section | undefined;
