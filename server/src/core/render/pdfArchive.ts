/**
 * PDF/A-2b, the archivable PDF (ISO 19005-2, level b: what is seen is reproducible), on top of
 * pdfkit's own support (its `subset` option): pdfkit adds the PDF/A identification to the XMP
 * metadata and an sRGB output intent. Two of its parts do not hold for drplan and are replaced
 * on the document:
 * - the output intent's ICC profile is read from a file beside pdfkit's module, which the
 *   bundle (dist/pdf-engine.js) does not have: here it comes from srgbProfile.ts;
 * - the XMP metadata repeats the title, author and subject unescaped (a title "A & B" or with
 *   "<" is XML no reader accepts) and leaves out the document's language.
 * The Info dictionary and the XMP metadata must say the same (ISO 19005-2, 6.6.3): both are
 * written from `info`, empty entries left out of both.
 */
import { base64ToBytes } from '../base64';
import { SRGB_PROFILE } from './srgbProfile';

/** The PDF/A part and level drplan writes, as pdfkit's `subset` option names it. */
export const PDF_A = 'PDF/A-2b';

interface PdfReference {
  readonly data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
  end(): void;
}

/** The parts of pdfkit's document (pdfkit 0.19, js/pdfkit.js) that PDF/A needs. */
export interface ArchivedDocument {
  info: Record<string, unknown>;
  _root: PdfReference;
  ref(data: Record<string, unknown>): PdfReference;
  appendXML(xml: string, newline?: boolean): void;
  _addColorOutputIntent(): void;
  _addInfo(): void;
}

/** Makes the pdfkit document, created with `subset: PDF_A`, an archivable PDF in language `language`. */
export function archivable(pdf: ArchivedDocument, language: string): void {
  for (const [key, value] of Object.entries(pdf.info)) if (value === '') delete pdf.info[key];
  // The part and level in the Info dictionary too, where poppler (pdfinfo's "PDF subtype") and
  // other readers look for it; a key of its own, with no XMP property it must match.
  pdf.info.GTS_PDFA1Version = PDF_A;
  pdf._addColorOutputIntent = () => {
    const profileBytes = base64ToBytes(SRGB_PROFILE);
    const profile = pdf.ref({ Length: profileBytes.length, N: 3 });
    profile.write(profileBytes);
    profile.end();
    const intent = pdf.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      Info: new String('sRGB IEC61966-2.1'),
      OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
      DestOutputProfile: profile,
    });
    intent.end();
    pdf._root.data.OutputIntents = [intent];
  };
  pdf._addInfo = () => pdf.appendXML(xmpOf(pdf.info, language));
}

/** The Info dictionary as XMP (ISO 19005-2, 6.6.2.3, table 3), and the language. */
export function xmpOf(info: Record<string, unknown>, language: string): string {
  const text = (key: string) => (typeof info[key] === 'string' ? escapeXml(info[key] as string) : undefined);
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${value}</rdf:li></rdf:Alt>`;
  const entry = (tag: string, value: string | undefined) => (value ? `<${tag}>${value}</${tag}>` : '');
  const created = info.CreationDate instanceof Date ? `${info.CreationDate.toISOString().split('.')[0]}Z` : undefined;
  const title = text('Title');
  const author = text('Author');
  const subject = text('Subject');
  return [
    '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    entry('xmp:CreateDate', created),
    entry('xmp:CreatorTool', text('Creator')),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<dc:format>application/pdf</dc:format>',
    entry('dc:title', title && alt(title)),
    entry('dc:creator', author && `<rdf:Seq><rdf:li>${author}</rdf:li></rdf:Seq>`),
    entry('dc:description', subject && alt(subject)),
    entry('dc:language', `<rdf:Bag><rdf:li>${escapeXml(language)}</rdf:li></rdf:Bag>`),
    '</rdf:Description>',
    '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    entry('pdf:Producer', text('Producer')),
    entry('pdf:Keywords', text('Keywords')),
    '</rdf:Description>',
  ]
    .filter(Boolean)
    .join('\n');
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
