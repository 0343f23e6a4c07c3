/**
 * Errors a user can cause and fix (bad data, a bad scenario, a missing year), as opposed to bugs.
 *
 * The command line prints a `UserError` as its Dutch message and exits 1, with no stack trace;
 * anything else is an internal error, shown with its stack and a request to report it.
 */
export interface Issue {
  /** File the problem is in, as the user named it; absent for problems not tied to a file. */
  readonly file?: string;
  /** 1-based line in the file. */
  readonly line?: number;
  /** 1-based column: for CSV files the field number, for YAML the character column. */
  readonly column?: number;
  /** The column or field name, when known. */
  readonly field?: string;
  /** Dutch: what was expected and what was found. */
  readonly message: string;
}

/** `file:line:column: message`, omitting the parts that are unknown. */
export function formatIssue(issue: Issue): string {
  if (typeof issue !== 'object' || issue === null) return String(issue);
  const where = [issue.file, issue.line, issue.column].filter((p) => p !== undefined).join(':');
  const field = issue.field ? `kolom '${issue.field}': ` : '';
  return where ? `${where}: ${field}${issue.message}` : `${field}${issue.message}`;
}

/** A message lists at most this many problems and then says how many more there are. */
export const MAX_SHOWN_ISSUES = 100;

/** The issues as lines, the first {@link MAX_SHOWN_ISSUES}, then `en nog N fouten`. */
export function formatIssues(list: readonly Issue[]): string {
  const shown = list.slice(0, MAX_SHOWN_ISSUES).map(formatIssue);
  const rest = list.length - shown.length;
  return [...shown, ...(rest > 0 ? [`... en nog ${rest} ${rest === 1 ? 'fout' : 'fouten'}`] : [])].join('\n');
}

export class UserError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: Issue | readonly Issue[] | string) {
    const list: readonly Issue[] =
      typeof issues === 'string' ? [{ message: issues }] : Array.isArray(issues) ? issues : [issues as Issue];
    super(formatIssues(list));
    this.name = 'UserError';
    this.issues = list;
  }
}
