/** A text in both languages the product speaks. German is the document's language. */
export interface Localized {
  readonly de: string;
  readonly en: string;
}

/** A catalog entry: a stable id with labels and an explanation for hover and completion. */
export interface CatalogEntry {
  readonly id: string;
  readonly label: Localized;
  readonly explanation: Localized;
}

export interface ScenarioType extends CatalogEntry {
  readonly category: string;
  /** Whether a failure of this kind can lose data (then a scenario should name a backup). */
  readonly losesData: boolean;
  /** Suggested Handlungen zur Prävention, German, drawn from the seed. */
  readonly prevention: readonly string[];
  /** Suggested Handlungen zur Wiederherstellung, German, in order. */
  readonly recovery: readonly string[];
}

export interface Category extends CatalogEntry {
  readonly types: readonly string[];
}

export type ComponentKind = CatalogEntry;
