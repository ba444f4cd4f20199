import { enumLabel, shown } from './blocks';
import type { DocumentContext } from './context';
import { LABELS } from './texts';
import type { DocumentMeta } from './tree';

/** What the document says about itself: the PDF's properties, the running header, the watermark. */
export function documentMeta(context: DocumentContext): DocumentMeta {
  const plan = context.model.plan;
  const organisation = shown(plan?.organisation);
  const system = shown(plan?.system);
  const owner = context.ownerContact();
  const about = [system, organisation].filter((part): part is string => part !== undefined).join(', ');
  return {
    title: context.title,
    subject: about ? `${LABELS.subtitle}: ${about}` : LABELS.subtitle,
    author: owner?.name ?? organisation ?? '',
    keywords: ['Notfallplan', 'Disaster-Recovery-Plan', 'Verfügbarkeitskontrolle', 'Art. 32 DSGVO', 'BSI-Standard 200-4'],
    version: shown(plan?.version) ?? '',
    classification: enumLabel('classification', shown(plan?.classification)) ?? '',
    language: 'de-DE',
    watermark: context.draft ? LABELS.watermark : undefined,
    generated: context.generated,
  };
}
