/**
 * Writing a run's outputs into the output folder (`--uit`) so that a failed or killed run never leaves
 * a scenario without outputs, nor with half-written ones:
 *
 * 1. **Lock.** `--uit/.natuurpact.lock` is created exclusively and holds the process id; a second run
 *    into the same folder is refused until the first is done. A lock whose process no longer exists
 *    (a killed run) is taken over.
 * 2. **Recover.** What a killed run left is repaired: a backup `.<naam>.vorige` without its folder
 *    `<naam>` is put back; a backup beside its folder (the new outputs were already in place) and a
 *    half-written `.<naam>.nieuw` are removed.
 * 3. **Replace.** Every file is written into `.<naam>.nieuw`; then `<naam>` is renamed to
 *    `.<naam>.vorige`, `.<naam>.nieuw` to `<naam>`, and the backup is removed. Node has no atomic
 *    exchange of two folders, so `<naam>` is briefly absent between the two renames; the fixed backup
 *    name lets step 2 of the next run repair a kill at exactly that moment. If the backup cannot be
 *    removed after success, that is a warning, not an error: the new outputs are in place.
 *
 * Scenario names are plain folder names that never start with a dot (see `folderNameProblem`), so
 * these hidden names cannot clash with a scenario's folder. Only folders this program made are ever
 * replaced or removed: an existing `<naam>` must be empty or hold a natuurpact `manifest.json`
 * (`--uit .` with a scenario named `src` is refused, not a deleted `src`), and a leftover is
 * recognised by that manifest or by the marker file written first into every new folder.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { checkPath, folderNameProblem, fsMessage, isInside, printable, userFsCode } from './paths.js';

export interface OutputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export const LOCK_NAME = '.natuurpact.lock';
const NEW = '.nieuw';
const PREVIOUS = '.vorige';
/** Names the first version of this module used (with a process id), recovered the same way. */
const LEGACY = /^\.(.+)\.(tmp|oud)-\d+$/;

/** Written first into a folder being filled and removed just before it is put in place. */
const MARKER = '.natuurpact-uitvoer';

/** Whether a folder is one this program made: empty, marked as being filled, or with a natuurpact manifest. */
function ours(dir: string): boolean {
  try {
    if (!lstatSync(dir).isDirectory()) return false;
    const names = readdirSync(dir);
    if (names.length === 0 || names.includes(MARKER)) return true;
    if (!names.includes('manifest.json')) return false;
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    return (JSON.parse(text) as { gereedschap?: { naam?: unknown } }).gereedschap?.naam === 'natuurpact';
  } catch {
    return false;
  }
}

/** Locks held by this process (a lock file with our own pid is ours only if we hold it now). */
const held = new Set<string>();

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file-system failure while writing outputs, in Dutch. */
function writeError(e: unknown, where: string, what: string): unknown {
  const code = userFsCode(e);
  return code ? new UserError({ file: where, message: `kan de uitvoer niet schrijven: ${fsMessage(code)}; ${what}` }) : e;
}

export class OutputFolder {
  private readonly lock: string;
  private closed = false;

  private constructor(
    /** The output folder as the user named it. */
    readonly dir: string,
  ) {
    this.lock = resolve(dir, LOCK_NAME);
  }

  /** Creates (if needed) and locks an output folder, and repairs what a killed run left in it. */
  static open(dir: string): { folder: OutputFolder; warnings: string[] } {
    checkPath(dir);
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw writeError(e, dir, 'de uitvoermap kan niet gemaakt worden');
    }
    const folder = new OutputFolder(dir);
    folder.acquire();
    try {
      return { folder, warnings: folder.recover() };
    } catch (e) {
      folder.close();
      throw e;
    }
  }

  private acquire(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lock, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        held.add(this.lock);
        return;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError(e, this.dir, 'de map kan niet vergrendeld worden');
      }
      let pid = NaN;
      try {
        pid = Number.parseInt(readFileSync(this.lock, 'utf8'), 10);
      } catch {
        /* unreadable: treated as stale */
      }
      const busy = Number.isInteger(pid) && (pid === process.pid ? held.has(this.lock) : alive(pid));
      if (busy) {
        throw new UserError({
          file: this.dir,
          message: `een andere run schrijft al in deze uitvoermap (proces ${pid}); wacht tot die klaar is, of verwijder ${join(this.dir, LOCK_NAME)} als er geen run meer loopt`,
        });
      }
      // The process that held it is gone: take the lock over.
      rmSync(this.lock, { force: true });
    }
    throw new UserError({ file: this.dir, message: 'een andere run schrijft al in deze uitvoermap' });
  }

  /** Step 2 of the module comment; returns warnings for what could not be repaired. */
  private recover(): string[] {
    const warnings: string[] = [];
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch (e) {
      throw writeError(e, this.dir, 'de uitvoermap kan niet gelezen worden');
    }
    for (const name of names.sort()) {
      const legacy = LEGACY.exec(name);
      const naam = name.startsWith('.') && name.endsWith(PREVIOUS) ? name.slice(1, -PREVIOUS.length) : name.startsWith('.') && name.endsWith(NEW) ? name.slice(1, -NEW.length) : legacy?.[1];
      if (!naam || naam.startsWith('.')) continue;
      const path = join(this.dir, name);
      if (!ours(path)) continue;
      const target = join(this.dir, naam);
      const isBackup = name.endsWith(PREVIOUS) || legacy?.[2] === 'oud';
      try {
        if (isBackup && !existsSync(target)) renameSync(path, target);
        else rmSync(path, { recursive: true, force: true });
      } catch (e) {
        const code = userFsCode(e);
        if (!code) throw e;
        warnings.push(`${path} (achtergelaten door een afgebroken run) kan niet ${isBackup && !existsSync(target) ? `teruggezet worden als ${target}` : 'verwijderd worden'}: ${fsMessage(code)}`);
      }
    }
    return warnings;
  }

  /**
   * Replaces the outputs of one scenario (step 3). Returns the target folder and warnings; throws a
   * {@link UserError} when the new outputs could not be put in place (the previous ones are then
   * unchanged).
   */
  replace(naam: string, files: readonly OutputFile[]): { target: string; warnings: string[] } {
    if (this.closed) throw new Error('output folder already closed');
    const problem = folderNameProblem(naam);
    if (problem) throw new UserError({ file: this.dir, message: `naam '${printable(naam)}': ${problem}` });
    const target = join(this.dir, naam);
    // Defence in depth: the name is a plain folder name now; never write elsewhere all the same.
    if (naam !== basename(naam) || naam.startsWith('.') || !isInside(this.dir, target) || resolve(target) === resolve(this.dir)) {
      throw new Error(`refusing to write outside the output folder: ${JSON.stringify(naam)}`);
    }
    const temp = join(this.dir, `.${naam}${NEW}`);
    const backup = join(this.dir, `.${naam}${PREVIOUS}`);
    const unchanged = existsSync(target) ? 'de vorige uitvoer is ongewijzigd' : 'er is niets geschreven';
    if (existsSync(target) || isLink(target)) {
      if (!lstatSync(target).isDirectory()) {
        throw new UserError({ file: target, message: 'bestaat al en is geen map (maar een bestand of koppeling); de uitvoer wordt daar niet geschreven' });
      }
      if (!ours(target)) {
        throw new UserError({ file: target, message: 'bestaat al en is geen uitvoer van natuurpact (er staat geen manifest.json van natuurpact in); de map wordt niet vervangen: kies een andere naam of een andere --uit' });
      }
    }
    try {
      if (existsSync(temp) && ours(temp)) rmSync(temp, { recursive: true, force: true });
      mkdirSync(temp);
      writeFileSync(join(temp, MARKER), '');
      for (const f of files) writeFileSync(join(temp, basename(f.name)), f.bytes);
      rmSync(join(temp, MARKER));
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      throw writeError(e, target, unchanged);
    }
    const hadTarget = existsSync(target);
    try {
      if (hadTarget) renameSync(target, backup);
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      throw writeError(e, target, unchanged);
    }
    try {
      renameSync(temp, target);
    } catch (e) {
      if (hadTarget && !existsSync(target)) renameSync(backup, target);
      rmSync(temp, { recursive: true, force: true });
      throw writeError(e, target, unchanged);
    }
    const warnings: string[] = [];
    try {
      rmSync(backup, { recursive: true, force: true });
    } catch (e) {
      const code = userFsCode(e);
      if (!code) throw e;
      warnings.push(`de nieuwe uitvoer staat in ${target}, maar de vorige uitvoer in ${backup} kan niet verwijderd worden: ${fsMessage(code)}; verwijder die map zelf`);
    }
    return { target, warnings };
  }

  /** Releases the lock. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    held.delete(this.lock);
    rmSync(this.lock, { force: true });
  }
}

/**
 * Writes one scenario's outputs into `join(dir, naam)` under the folder's lock (for library users who
 * write a single result; the command line keeps one folder open for all its scenarios).
 */
export function writeOutputsAtomically(dir: string, naam: string, files: readonly OutputFile[]): { target: string; warnings: string[] } {
  const { folder, warnings } = OutputFolder.open(dir);
  try {
    const r = folder.replace(naam, files);
    return { target: r.target, warnings: [...warnings, ...r.warnings] };
  } finally {
    folder.close();
  }
}
