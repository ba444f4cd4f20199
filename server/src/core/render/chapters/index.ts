import { alerting } from './alerting';
import { availabilityControl } from './availabilityControl';
import { backupPlan } from './backupPlan';
import type { Chapter } from './chapter';
import { contacts } from './contacts';
import { contents, cover } from './cover';
import { documentControl } from './documentControl';
import { drPlan } from './drPlan';
import { emergencyCard } from './emergencyCard';
import { emergencyOperation } from './emergencyOperation';
import { glossary } from './glossary';
import { leftOut } from './leftOut';
import { measurements } from './measurements';
import { notificationDuties } from './notificationDuties';
import { openPoints } from './openPoints';
import { restartOrder } from './restartOrder';
import { scope } from './scope';
import { zodb } from './zodb';

export type { Chapter } from './chapter';

/**
 * The parts of the document in their order, each in its own module. Built in this order: the
 * section numbers and the ids of headings follow it. The order is a Notfallhandbuch's (BSI-Standard
 * 200-4): the document's control first, then whom to alarm, then the measures and the plan, then
 * emergency operation and the duties to report, the reference parts, and the card last.
 */
export const CHAPTERS: readonly Chapter[] = [
  cover,
  contents,
  documentControl,
  scope,
  alerting,
  contacts,
  availabilityControl,
  zodb,
  measurements,
  backupPlan,
  drPlan,
  emergencyOperation,
  notificationDuties,
  leftOut,
  restartOrder,
  glossary,
  openPoints,
  emergencyCard,
];
