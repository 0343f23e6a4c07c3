/**
 * Paths a user (or a shared scenario file) names, checked before anything is read or written: no NUL
 * bytes, nothing in the kernel's pseudo file systems (`/proc`, `/sys`, `/dev`: reading `/dev/zero`
 * never ends, `/proc/self/mem` fails half-way), only regular files of a bounded size, and every
 * file-system error a user can cause told in Dutch.
 */
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { UserError, type Issue } from '../core/errors.js';

/** Pseudo file systems: their "files" are devices, processes and kernel state, never data. */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

/** Dutch for the file-system error codes a user can cause (a missing, locked or full place). */
const FS_MESSAGES: Readonly<Record<string, string>> = {
  ENOENT: 'bestaat niet',
  EACCES: 'geen toegang (rechten)',
  EPERM: 'niet toegestaan (rechten of een beveiligd bestand)',
  EROFS: 'het bestandssysteem is alleen-lezen',
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'de schijfruimte (quotum) is op',
  EISDIR: 'is een map, geen bestand',
  ENOTDIR: 'een deel van het pad is geen map',
  EEXIST: 'bestaat al',
  ENOTEMPTY: 'de map is niet leeg',
  ENAMETOOLONG: 'de naam is te lang',
  ELOOP: 'te veel symbolische koppelingen (een kring?)',
  EBUSY: 'is in gebruik',
  EMFILE: 'te veel open bestanden',
  ENFILE: 'te veel open bestanden',
  EXDEV: 'ligt op een ander bestandssysteem',
  EINVAL: 'ongeldig pad',
  EIO: 'lees- of schrijffout van het apparaat',
  ETXTBSY: 'is in gebruik',
  EFBIG: 'het bestand is te groot',
  ERR_FS_FILE_TOO_LARGE: 'het bestand is te groot',
};

/** The error code of a file-system error, when it is one a user can cause. */
export function userFsCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in FS_MESSAGES ? code : undefined;
}

/** Dutch for a file-system error code, with the code itself for a search engine. */
export function fsMessage(code: string): string {
  return `${FS_MESSAGES[code] ?? 'bestandsfout'} (${code})`;
}

/** A file-system error as a user error about `file` (its path as the user named it), else the error itself. */
export function asUserFsError(e: unknown, file: string, doing: string): unknown {
  const code = userFsCode(e);
  return code ? new UserError({ file, message: `${doing}: ${fsMessage(code)}` }) : e;
}

/**
 * Refuses a path the program should never touch: an empty path, one with a NUL byte, or one inside
 * `/proc`, `/sys` or `/dev` (also through a symbolic link: the real path of the nearest existing
 * ancestor is checked).
 */
export function pathProblem(path: string): string | undefined {
  if (path === '') return 'leeg pad';
  if (path.includes('\0')) return 'het pad bevat een NUL-teken';
  let probe = resolve(path);
  while (!existsSync(probe) && dirname(probe) !== probe) probe = dirname(probe);
  let real = probe;
  try {
    real = realpathSync(probe);
  } catch {
    /* unreadable ancestor: judged by its name */
  }
  const inside = (root: string, p: string) => p === root || p.startsWith(`${root}/`);
  const special = SPECIAL_ROOTS.find((root) => inside(root, real) || inside(root, resolve(path)));
  return special ? `paden in ${special} zijn geen gegevens of uitvoermappen` : undefined;
}

export function checkPath(path: string, shown: string = path): void {
  const problem = pathProblem(path);
  if (problem) throw new UserError({ file: shown.replaceAll('\0', '\\0'), message: problem });
}

/** Whether `path` lies inside `root` (after resolving symbolic links of both). */
export function isInside(root: string, path: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const rel = relative(real(root), real(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export interface ReadOptions {
  /** What the file is, in Dutch, for messages: `scenariobestand`, `gegevensbestand`. */
  readonly what: string;
  /** Refuse files larger than this many bytes. */
  readonly maxBytes: number;
}

/**
 * Reads a regular file the user named, or throws a Dutch {@link UserError} that says why not:
 * missing, a dangling link, a folder, a device or pipe, too large, unreadable.
 */
export function readUserFile(path: string, shown: string, options: ReadOptions): Buffer {
  checkPath(path, shown);
  const fail = (message: string, extra: Partial<Issue> = {}): never => {
    throw new UserError({ file: shown, ...extra, message });
  };
  let stat;
  try {
    stat = statSync(path);
  } catch (e) {
    const code = userFsCode(e);
    if (code === 'ENOENT') {
      let dangling = false;
      try {
        dangling = lstatSync(path).isSymbolicLink();
      } catch {
        /* not there at all */
      }
      return fail(dangling ? `${options.what} is een koppeling naar een bestand dat niet bestaat` : `${options.what} bestaat niet`);
    }
    if (code) return fail(`${options.what} kan niet gelezen worden: ${fsMessage(code)}`);
    throw e;
  }
  if (stat.isDirectory()) return fail(`verwacht een ${options.what}, gevonden een map`);
  if (!stat.isFile()) return fail(`verwacht een ${options.what}, gevonden een apparaat, pipe of socket`);
  if (stat.size > options.maxBytes) {
    return fail(`${options.what} is te groot: ${stat.size} bytes, ten hoogste ${options.maxBytes}`);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    const code = userFsCode(e);
    if (code) return fail(`${options.what} kan niet gelezen worden: ${fsMessage(code)}`);
    throw e;
  }
}

/** Longest scenario name: it becomes a folder name, with room for the temporary names beside it. */
export const MAX_NAME_LENGTH = 100;
const FOLDER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Why a scenario name cannot be an output folder, or nothing when it can: `naam` becomes
 * `--uit/<naam>`, so it must be one plain folder name (letters, digits, `.`, `_`, `-`, starting with
 * a letter or digit, so never `.`, `..` or a hidden name), of bounded length. Then no scenario file,
 * however it was shared, can make a run write or delete anything outside `--uit`.
 */
export function folderNameProblem(name: string): string | undefined {
  if (name.length > MAX_NAME_LENGTH) return `te lang (${name.length} tekens, ten hoogste ${MAX_NAME_LENGTH}); de naam wordt de map van de uitvoer`;
  if (FOLDER_NAME.test(name)) return undefined;
  return `verwacht een mapnaam van letters, cijfers, '.', '_' of '-' die begint met een letter of cijfer, gevonden '${printable(name)}'; de naam wordt de map van de uitvoer in --uit`;
}

/** Text from a file as it can be shown in a message: control characters as escapes, at most 60 characters. */
export function printable(text: string, max = 60): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
