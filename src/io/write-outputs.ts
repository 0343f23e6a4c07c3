/**
 * Writing a run's outputs all at once: into a temporary folder next to the target, renamed into
 * place only when every file is written, so a failed run leaves the previous outputs untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';

export interface OutputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function writeOutputsAtomically(target: string, files: readonly OutputFile[]): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const temp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  const backup = join(parent, `.${basename(target)}.oud-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  try {
    for (const f of files) writeFileSync(join(temp, f.name), f.bytes);
    if (existsSync(target)) renameSync(target, backup);
    renameSync(temp, target);
    rmSync(backup, { recursive: true, force: true });
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(target) && existsSync(backup)) renameSync(backup, target);
    throw e;
  }
}

/** As {@link writeOutputsAtomically}, with a folder the user cannot write to reported as a user error. */
export function writeOutputFolder(target: string, files: readonly OutputFile[]): void {
  try {
    writeOutputsAtomically(target, files);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code && ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'EISDIR'].includes(code)) {
      throw new UserError({ file: target, message: `kan de uitvoer niet schrijven (${code}); de vorige uitvoer is ongewijzigd` });
    }
    throw e;
  }
}
