// Stands in for `brotli/decompress.js` in the bundles. fontkit needs brotli only to read WOFF2
// fonts; drplan embeds TrueType fonts (Roboto from pdfmake), and brotli's 1.3 MB dictionary
// would otherwise triple the size of dist/cli.js and dist/server.js.
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not supported in the drplan bundles; use a TrueType font.');
};
