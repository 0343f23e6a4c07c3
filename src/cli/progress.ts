/**
 * Progress on stderr for work that takes more than a second: a bar redrawn in place where stderr is a
 * terminal, nothing otherwise (a script or a log file gets no control characters). The bar is drawn
 * at each step the work reports (the work runs in this thread, so there is no timer to draw in
 * between), from the first step after one second on, and cleared when the work is done.
 */
import { terminalSafe, type Io } from './program.js';

/** When the bar first appears (milliseconds after the start). */
export const PROGRESS_AFTER_MS = 1000;
const WIDTH = 24;
/** The longest line drawn, so that it fits an 80-column terminal without wrapping. */
const LINE = 79;

export class Progress {
  private readonly started: number;
  private drawn = false;

  constructor(
    private readonly io: Pick<Io, 'status'>,
    /** What is being done, e.g. `natuurpact run`. */
    private readonly title: string,
    /** How many steps make the whole (scenarios, constructions). */
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** `done` steps of the total are done (fractions allowed); `label` says what is going on. */
  update(done: number, label: string): void {
    if (!this.io.status || this.now() - this.started < PROGRESS_AFTER_MS) return;
    const share = this.total > 0 ? Math.min(1, Math.max(0, done / this.total)) : 0;
    const full = Math.round(share * WIDTH);
    const count = `${Math.min(this.total, Math.floor(done + 1e-9))}/${this.total}`;
    const line = `${this.title} [${'#'.repeat(full)}${'.'.repeat(WIDTH - full)}] ${count} ${terminalSafe(label)}`;
    // Carriage return and erase-line redraw the bar in place.
    this.io.status(`\r\u001b[K${line.length > LINE ? `${line.slice(0, LINE - 1)}…` : line}`);
    this.drawn = true;
  }

  /** Clears the bar (when one was drawn), so that what follows starts on a clean line. */
  finish(): void {
    if (this.drawn) this.io.status?.('\r\u001b[K');
    this.drawn = false;
  }
}
