import { availabilityControl } from './availabilityControl';
import { backupPlan } from './backupPlan';
import type { Chapter } from './chapter';
import { contacts } from './contacts';
import { contents, cover } from './cover';
import { drPlan } from './drPlan';
import { emergencyCard } from './emergencyCard';
import { glossary } from './glossary';
import { history } from './history';
import { leftOut } from './leftOut';
import { measurements } from './measurements';
import { openPoints } from './openPoints';
import { restartOrder } from './restartOrder';
import { scope } from './scope';
import { zodb } from './zodb';

export type { Chapter } from './chapter';

/**
 * The parts of the document in their order, each in its own module. Built in this order: the
 * section numbers and the ids of headings follow it.
 */
export const CHAPTERS: readonly Chapter[] = [
  cover,
  contents,
  scope,
  availabilityControl,
  zodb,
  measurements,
  backupPlan,
  drPlan,
  leftOut,
  restartOrder,
  contacts,
  history,
  glossary,
  openPoints,
  emergencyCard,
];
