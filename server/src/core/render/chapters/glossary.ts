import { col, table } from '../blocks';
import { GLOSSARY } from '../texts';
import { strong, text } from '../tree';
import type { Chapter } from './chapter';

/** Glossar: the terms of business continuity the document uses. */
export const glossary: Chapter = (context) =>
  context.chapter('glossar', 'Glossar', undefined, [
    table(
      [col('Begriff', 3), col('Bedeutung', 8)],
      GLOSSARY.map((entry) => ({ kind: 'row', cells: [[strong(text(entry.term))], [text(entry.meaning)]] })),
      'normal',
      undefined,
    ),
  ]);
