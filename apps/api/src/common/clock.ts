import { Injectable } from '@nestjs/common';

/**
 * The app's idea of "now". Rules that depend on time (circulation deadlines, code expiry) ask
 * this, never `new Date()`, so tests can fix the clock.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: freeze time at `at` (or unfreeze with null). */
  fix(at: Date | null): void {
    this.fixed = at;
  }
}
