/**
 * Writing an exported file so that a failure never leaves half a file, nor destroys the one
 * that was there: the content goes to a temporary file in the same folder (same file system,
 * so the rename cannot turn into a copy), which then takes the target's name in one rename. The
 * file system is passed in (vscode.workspace.fs in the extension, a fake in test/unit).
 */

export interface AtomicFileSystem<U> {
  /** `name` in the folder of `target`. */
  sibling(target: U, name: string): U;
  /** The file name of `target`. */
  name(target: U): string;
  writeFile(uri: U, content: Uint8Array): Promise<void>;
  /** Fails when `to` exists and `overwrite` is false. */
  rename(from: U, to: U, overwrite: boolean): Promise<void>;
  delete(uri: U): Promise<void>;
}

/**
 * Writes `content` to `target` through a temporary sibling. Without `overwrite` an existing
 * target is left alone and the rename's error (FileExists) is thrown. On any error the
 * temporary file is removed and the target is as it was.
 */
export async function writeAtomically<U>(
  fs: AtomicFileSystem<U>,
  target: U,
  content: Uint8Array,
  overwrite: boolean,
  random: () => string = () => Math.random().toString(36).slice(2, 10),
): Promise<void> {
  // Hidden (leading dot) and marked, so a left-over after a crash is recognisable.
  const temporary = fs.sibling(target, `.${fs.name(target)}.${random()}.tmp`);
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, target, overwrite);
  } catch (error) {
    await fs.delete(temporary).catch(() => undefined);
    throw error;
  }
}
