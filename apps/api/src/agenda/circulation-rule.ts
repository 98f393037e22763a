import { daysBetween, endOfShanghaiDay, shanghaiDay } from '../common/time.js';

export interface CirculationCheck {
  /** Shanghai calendar days from the circulation day to the session day. */
  daysBefore: number;
  requiredDays: number;
  onTime: boolean;
  /** How many days short of the rule (0 when on time). */
  lateByDays: number;
  /** The last moment (UTC) circulation is on time: the end of day (session day − N) in Shanghai. */
  deadline: Date;
}

/**
 * "At least N days before the session" counted in Shanghai calendar days, the way periods in
 * days are counted in Chinese law (民法典 Art. 201: the day of the act is not counted): for a
 * session on 12-05, circulating on 11-28 (any hour) is 7 days before; on 11-29 it is 6.
 */
export function checkCirculation(
  circulatedAt: Date,
  sessionStartsAt: Date,
  requiredDays: number,
): CirculationCheck {
  const sessionDay = shanghaiDay(sessionStartsAt);
  const daysBefore = daysBetween(shanghaiDay(circulatedAt), sessionDay);
  // The end of day (session day − N) in Shanghai.
  const lastDay = shanghaiDay(new Date(sessionStartsAt.getTime() - requiredDays * 86_400_000));
  const deadline = endOfShanghaiDay(lastDay);
  return {
    daysBefore,
    requiredDays,
    onTime: daysBefore >= requiredDays,
    lateByDays: Math.max(0, requiredDays - daysBefore),
    deadline,
  };
}
