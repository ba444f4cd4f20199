/**
 * Why a rename cannot be done, in the client's language: the server answers it as an error. A
 * module of its own so that the server's wiring can test for it without loading the rename.
 */
export interface RenameRefusal {
  readonly refused: string;
}

export function isRefusal(result: unknown): result is RenameRefusal {
  return typeof result === 'object' && result !== null && 'refused' in result;
}
