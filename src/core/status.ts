/**
 * The status of a figure: how sure we are of it and where it comes from.
 *
 * - `realisatie`: realised (jaarrekening, CBS realisation);
 * - `begroting`: a budget stand;
 * - `raming`: a forecast by a named institution (e.g. CPB);
 * - `afgeleid`: computed from published figures by a stated method;
 * - `schatting`: estimated by a stated method where no figure is published;
 * - `aanname`: an analyst's assumption.
 */
export const STATUSES = ['realisatie', 'begroting', 'raming', 'afgeleid', 'schatting', 'aanname'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses that are published figures: a row with one of these needs a source and a locator. */
export const PUBLISHED_STATUSES: readonly Status[] = ['realisatie', 'begroting', 'raming'];
/** Statuses that need a `methode` saying how the value was made. */
export const METHOD_STATUSES: readonly Status[] = ['afgeleid', 'schatting', 'aanname'];

export function isStatus(s: string): s is Status {
  return (STATUSES as readonly string[]).includes(s);
}

/**
 * The weakest of several statuses: a value computed from an estimate is an estimate.
 * Order from strong to weak: realisatie, begroting, raming, afgeleid, schatting, aanname.
 */
export function weakestStatus(statuses: Iterable<Status>): Status {
  let worst = 0;
  for (const s of statuses) worst = Math.max(worst, STATUSES.indexOf(s));
  return STATUSES[worst] as Status;
}
