import type { Message } from './messages';

/**
 * drplan's own words for what yaml's parser finds (its error codes, validate/yamlCodes.ts), in
 * German and English: yaml's messages are English only and speak of its grammar ("compact
 * mappings", "implicit keys"); these say what is wrong in the plan's text and how it is written
 * instead. Each stands after "YAML-Syntaxfehler: " / "YAML syntax error: " (messages.yamlSyntax).
 */

const both = (de: string, en: string): Message => ({ de, en });
const quote = (text: string) => `„${text}“`;
const q = (text: string) => `'${text}'`;

export const yamlMessages = {
  aliasProperties: both(
    'Ein Alias (*name) steht für einen Wert, der schon einen Anker hat; er kann keinen eigenen Anker (&name) und kein Tag (!tag) tragen.',
    'An alias (*name) stands for a value that already has an anchor; it cannot carry an anchor (&name) or a tag (!tag) of its own.',
  ),
  nameEndsInColon: both(
    'Ein Anker- oder Aliasname, der auf „:“ endet, ist mehrdeutig: Gehört der Doppelpunkt zum Namen, oder beginnt ein Wert? Ein Leerzeichen vor den Doppelpunkt setzen oder den Namen ändern.',
    "An anchor or alias name that ends in ':' is ambiguous: is the colon part of the name, or does a value begin? Put a space before the colon, or choose another name.",
  ),
  anchorWithoutName: both('Nach „&“ fehlt der Name des Ankers, z. B. &basis.', "The anchor after '&' has no name, e.g. &base."),
  aliasWithoutName: both('Nach „*“ fehlt der Name des Ankers, auf den der Alias verweist, z. B. *basis.', "The alias after '*' names no anchor, e.g. *base."),
  badAnchorName: both(
    'Ein Anker (&name) oder Alias (*name) braucht einen Namen, der nicht auf „:“ endet.',
    "An anchor (&name) or alias (*name) needs a name that does not end in ':'.",
  ),
  directive(line: string | undefined): Message {
    return both(
      `Die YAML-Direktive${line ? ` ${quote(line)}` : ''} wird nicht verstanden (drplan liest YAML 1.2); ein DR-Plan braucht keine Direktiven, die Zeile kann entfallen.`,
      `The YAML directive${line ? ` ${q(line)}` : ''} is not understood (drplan reads YAML 1.2); a DR plan needs no directives: the line can go.`,
    );
  },
  duplicateKey: both('Dieser Schlüssel kommt in diesem Abschnitt schon einmal vor.', 'This key already appears in this mapping.'),
  multipleDocuments: both(
    'Die Datei enthält mehrere YAML-Dokumente (---); ein DR-Plan ist genau ein Dokument.',
    'The file holds several YAML documents (---); a DR plan is exactly one document.',
  ),
  indentation: both(
    'Die Einrückung passt nicht zur Struktur: Einträge derselben Ebene beginnen in derselben Spalte, und was zu einem Schlüssel gehört, ist weiter eingerückt als er.',
    'The indentation does not fit the structure: entries of one level begin in the same column, and what belongs to a key is indented further than the key.',
  ),
  closingBracketIndent(bracket: string): Message {
    return both(
      `Die schließende Klammer ${quote(bracket)} muss weiter eingerückt sein als der Schlüssel, zu dem die Klammer gehört.`,
      `The closing ${q(bracket)} must be indented further than the key the brackets belong to.`,
    );
  },
  tab: both('Tabulatoren sind als Einrückung nicht erlaubt; bitte Leerzeichen verwenden.', 'Tabs are not allowed as indentation; use spaces.'),
  /** `\B` in double quotes (a Windows path): the way out is single quotes, `singleQuoted` when known. */
  badEscape(sequence: string, singleQuoted: string | undefined): Message {
    const example = singleQuoted ?? "'C:\\Backup'";
    return both(
      `Ungültige Escape-Sequenz ${sequence}: In doppelten Anführungszeichen leitet \\ eine Escape-Sequenz ein (wie \\n oder \\"). ` +
        `Einen Windows-Pfad in einfache Anführungszeichen setzen (${example}) oder ganz ohne, oder jeden \\ verdoppeln.`,
      `Invalid escape sequence ${sequence}: in double quotes, \\ starts an escape sequence (such as \\n or \\"). ` +
        `Put a Windows path in single quotes (${example}) or none at all, or double each \\.`,
    );
  },
  propertyOrder(indicator: string): Message {
    return both(
      `Anker (&name) und Tags (!tag) stehen hinter ${quote(indicator)}, nicht davor.`,
      `Anchors (&name) and tags (!tag) stand after ${q(indicator)}, not before it.`,
    );
  },
  /** `example`: the value in double quotes, when it is short and plain enough to show. */
  reservedStart(character: string, example: string | undefined): Message {
    return both(
      `Ein Wert ohne Anführungszeichen kann nicht mit ${quote(character)} beginnen; den Wert in Anführungszeichen setzen${example ? `: ${example}` : ''}.`,
      `A value without quotes cannot begin with ${q(character)}; put the value in quotes${example ? `: ${example}` : ''}.`,
    );
  },
  /** `title: Notfall: Server`: a second `: ` on the line of a key. */
  colonInValue(example: string | undefined): Message {
    return both(
      'Nach dem Schlüssel steht auf derselben Zeile ein weiteres „: “, doch ein Abschnitt kann nicht auf der Zeile seines Schlüssels beginnen. ' +
        `Ist ein Text mit Doppelpunkt gemeint, gehört er in Anführungszeichen${example ? `: ${example}` : ''}.`,
      "After the key, the same line holds another ': ', but a mapping cannot begin on the line of its key. " +
        `If a text with a colon is meant, put it in quotes${example ? `: ${example}` : ''}.`,
    );
  },
  /** `key: value` and on the next line, indented further, `more: 1`. */
  valueBecomesKey: both(
    'Die nächste Zeile ist weiter eingerückt und setzt diesen Wert fort, doch ein Wert kann nicht in einen Schlüssel („: “) übergehen. Schlüssel desselben Abschnitts beginnen in derselben Spalte.',
    "The next line is indented further and continues this value, but a value cannot turn into a key (': '). Keys of one mapping begin in the same column.",
  ),
  listAmongKeys: both(
    'Ein Listeneintrag („- “) kann nicht zwischen den Schlüsseln eines Abschnitts stehen: Fehlt davor ein Schlüssel, oder ist die Liste zu wenig eingerückt?',
    "A list item ('- ') cannot stand among the keys of a mapping: is a key missing before it, or is the list not indented enough?",
  ),
  blockInBrackets: both(
    'In Klammern ([…] oder {…}) kann keine eingerückte Liste („- “) und kein eingerückter Abschnitt stehen; dort werden Einträge mit Komma getrennt, z. B. [a, b] oder {a: 1, b: 2}.',
    "Inside brackets ([…] or {…}) there can be no indented list ('- ') and no indented mapping; entries there are separated by commas, e.g. [a, b] or {a: 1, b: 2}.",
  ),
  unreadable: both('Der YAML-Text ist an dieser Stelle nicht zu lesen.', 'The YAML cannot be read at this point.'),
  keyTooLong: both(
    'Ein Schlüssel ohne Anführungszeichen darf höchstens 1024 Zeichen lang sein; der Doppelpunkt steht hier weiter hinten. Fehlt ein Zeilenumbruch?',
    'A key without quotes may be at most 1024 characters long; the colon here stands further on. Is a line break missing?',
  ),
  commentWithoutSpace: both(
    'Vor „#“ fehlt ein Leerzeichen: Ein Kommentar muss durch ein Leerzeichen vom Wert getrennt sein.',
    "A space is missing before '#': a comment must be separated from the value by a space.",
  ),
  unclosed: both(
    'Die Datei endet, bevor ein Anführungszeichen (" oder \') oder eine Klammer ([ oder {) geschlossen wurde.',
    'The file ends before a quote (" or \') or a bracket ([ or {) was closed.',
  ),
  spaceAfterColon: both(
    'Nach dem Doppelpunkt fehlt ein Leerzeichen: In Klammern steht „Schlüssel: Wert“, z. B. {a: 1}.',
    "A space is missing after the colon: inside brackets it is 'key: value', e.g. {a: 1}.",
  ),
  missingComma: both(
    'Zwischen zwei Einträgen in Klammern fehlt ein Komma (oder nach einem Schlüssel der Doppelpunkt), z. B. [a, b] oder {a: 1, b: 2}.',
    'A comma is missing between two entries inside brackets (or the colon after a key), e.g. [a, b] or {a: 1, b: 2}.',
  ),
  spaceAfterProperty: both(
    'Nach einem Anker (&name) oder Tag (!tag) fehlt ein Leerzeichen vor dem Wert.',
    'A space is missing between an anchor (&name) or tag (!tag) and the value.',
  ),
  listAfterProperty: both(
    'Hat eine Liste einen Anker (&name) oder ein Tag (!tag), beginnt sie auf der nächsten Zeile, nicht auf der Zeile des Ankers.',
    'A list with an anchor (&name) or tag (!tag) begins on the next line, not on the line of the anchor.',
  ),
  contentAfterDocumentStart: both(
    'Nach „---“ kann auf derselben Zeile kein Abschnitt und keine Liste beginnen; den Inhalt auf die nächste Zeile setzen.',
    "No mapping and no list can begin on the line of '---'; put the content on the next line.",
  ),
  /** A line with neither `key: value` nor `- item`. */
  lineWithoutStructure: both(
    'Diese Zeile passt nicht in die Struktur: In einem Abschnitt steht jede Zeile als „Schlüssel: Wert“ (mit Leerzeichen nach dem Doppelpunkt), in einer Liste beginnt jeder Eintrag mit „- “. Fehlt ein Doppelpunkt oder ein Bindestrich, oder ist die Zeile falsch eingerückt?',
    "This line does not fit the structure: in a mapping each line is 'key: value' (with a space after the colon), in a list each entry begins with '- '. Is a colon or a hyphen missing, or is the line indented wrongly?",
  ),
  missingCharacter: both(
    'Hier fehlt ein Zeichen, das die YAML-Struktur verlangt: ein Doppelpunkt nach einem Schlüssel, ein „- “ vor einem Listeneintrag, ein Komma zwischen Einträgen in Klammern, ein schließendes Anführungszeichen oder eine schließende Klammer.',
    "A character the YAML structure needs is missing here: a colon after a key, a '- ' before a list item, a comma between entries inside brackets, a closing quote or a closing bracket.",
  ),
  multilineKey: both(
    'Ein Schlüssel muss auf einer Zeile stehen, doch hier reicht er über das Zeilenende hinaus: Fehlt auf dieser Zeile der Doppelpunkt nach dem Schlüssel, oder ist die folgende Zeile zu weit eingerückt?',
    'A key must stand on one line, but here it runs past the end of the line: is the colon after the key missing on this line, or is the next line indented too far?',
  ),
  multipleAnchors: both('Ein Wert kann höchstens einen Anker (&name) haben.', 'A value can have at most one anchor (&name).'),
  multipleTags: both('Ein Wert kann höchstens ein Tag (!tag) haben.', 'A value can have at most one tag (!tag).'),
  keyNotText: both('Schlüssel müssen Texte sein.', 'Keys must be text.'),
  tag(tag: string | undefined): Message {
    return both(
      `Das YAML-Tag${tag ? ` ${quote(tag)}` : ''} kennt drplan nicht, oder es passt nicht zu diesem Wert; ein DR-Plan braucht keine Tags, es kann entfallen.`,
      `drplan does not know the YAML tag${tag ? ` ${q(tag)}` : ''}, or it does not fit this value; a DR plan needs no tags: it can go.`,
    );
  },
  unexpectedComma: both(
    'Unerwartetes Komma: Davor steht kein Eintrag, oder zwei Kommas folgen aufeinander.',
    'Unexpected comma: no entry stands before it, or two commas follow each other.',
  ),
  unopenedBracket(bracket: string): Message {
    return both(
      `Die schließende Klammer ${quote(bracket)} schließt keine geöffnete Klammer, oder sie steht zu weit links.`,
      `The closing ${q(bracket)} closes no open bracket, or it stands too far to the left.`,
    );
  },
  listOnKeyLine: both(
    'Eine Liste kann nicht auf der Zeile ihres Schlüssels beginnen: den Eintrag („- “) auf die nächste Zeile setzen, eingerückt unter den Schlüssel, oder die Liste in Klammern schreiben, z. B. [a, b].',
    "A list cannot begin on the line of its key: put the item ('- ') on the next line, indented below the key, or write the list in brackets, e.g. [a, b].",
  ),
  listItemMisplaced: both(
    'Dieser Listeneintrag („- “) passt hier nicht in die Struktur: Er ist anders eingerückt als die Einträge davor, oder davor steht ein Abschnitt mit Schlüsseln statt einer Liste.',
    "This list item ('- ') does not fit the structure here: it is indented differently from the entries before it, or a mapping of keys stands before it instead of a list.",
  ),
  unexpectedColon: both(
    'Unerwarteter Doppelpunkt: Vor ihm steht kein Schlüssel, oder er gehört zu einem Text, der in Anführungszeichen stehen muss.',
    'Unexpected colon: no key stands before it, or it belongs to a text that must be in quotes.',
  ),
  propertyMisplaced: both(
    'Ein Anker (&name), Tag (!tag) oder Alias (*name) steht hier an falscher Stelle: Anker und Tag stehen vor dem Wert, ein Alias steht für sich allein.',
    'An anchor (&name), tag (!tag) or alias (*name) is in the wrong place here: anchor and tag stand before the value, an alias stands alone.',
  ),
  blockScalarHeader: both(
    'Nach „|“ oder „>“ darf auf dieser Zeile nur ein Kommentar stehen; der Text selbst beginnt auf der nächsten Zeile, eingerückt.',
    "After '|' or '>' only a comment may follow on this line; the text itself begins on the next line, indented.",
  ),
  /** `found`: the text at the place, as written (shortened). */
  unexpected(found: string | undefined): Message {
    return both(
      `${found ? `${quote(found)} passt` : 'Das passt'} an dieser Stelle nicht in die YAML-Struktur; oft ist die Einrückung falsch oder es fehlt ein Doppelpunkt.`,
      `${found ? `${q(found)} does` : 'This does'} not fit the YAML structure here; often the indentation is wrong or a colon is missing.`,
    );
  },
} as const;
