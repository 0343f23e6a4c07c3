/**
 * Writing a run's outputs all at once: into a temporary folder next to the target, renamed into
 * place only when every file is written, so a failed run leaves the previous outputs untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
