/**
 * pdfmake with Roboto, set up once. A module of its own because the build makes it a bundle of
 * its own (dist/pdf-engine.js): the language server and the CLI start without reading or
 * compiling 2 MB of pdfkit and base64 fonts, and require it on the first PDF export.
 */
type Pdfmake = typeof import('pdfmake');

let pdfmakeLoaded: Promise<Pdfmake> | undefined;

/** pdfmake is a singleton: fonts and access policies are set once, for every later document. */
export function loadPdfmake(): Promise<Pdfmake> {
  pdfmakeLoaded ??= (async () => {
    const [pdfmakeModule, vfsModule] = await Promise.all([import('pdfmake'), import('pdfmake/build/vfs_fonts')]);
    const pdfmake = ('default' in pdfmakeModule ? pdfmakeModule.default : pdfmakeModule) as Pdfmake;
    const fonts = ('default' in vfsModule ? vfsModule.default : vfsModule) as Record<string, string>;
    // The fonts live in pdfmake's virtual file system (Roboto as base64 in vfs_fonts, bundled
    // by esbuild): no file is read from disk, so the bundle in dist/ needs nothing beside it.
    const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
    for (const file of Object.values(FONT_FILES)) {
      const data = fonts[file];
      if (data === undefined) throw new Error(`pdfmake's vfs_fonts lacks ${file}`);
      vfs.writeFileSync(file, Buffer.from(data, 'base64'));
    }
    pdfmake.setFonts({ Roboto: FONT_FILES });
    // Nothing may be fetched or read: the document references no image, font URL or file.
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  })();
  return pdfmakeLoaded;
}

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
};

