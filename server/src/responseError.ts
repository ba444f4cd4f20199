import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { isRefusal, type RenameRefusal } from './core/features/renameRefusal';

/**
 * A refusal of the core (a rename that cannot be done, with its reason in the client's language)
 * as the LSP error a client shows to the user; any other answer as it is.
 */
export function orResponseError<T>(result: T | RenameRefusal): T | ResponseError<void> {
  return isRefusal(result) ? new ResponseError(LSPErrorCodes.RequestFailed, result.refused) : result;
}

/** A request that failed (a bug, logged by the caller), answered with the reason for the client to show. */
export function requestFailed(error: unknown): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, error instanceof Error ? error.message : String(error));
}
