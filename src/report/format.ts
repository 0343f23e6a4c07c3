/** Dutch number formatting for reports; the implementation is pure and lives in the core. */
export { formatNumberNl, formatMillions } from '../core/format.js';
