import type { components } from '../../../api/schema.js';

/**
 * A ceremony as the api shows it, read without libs/ballot (the home page imports this and must
 * stay light).
 */
export type Ceremony = components['schemas']['CeremonyResponse'];

export function failureText(c: Ceremony): string {
  const f = c.failure as { reason?: string } | null;
  return f?.reason ?? '未知原因';
}

/** True when this teller has not sent round 1 yet (the page can run the ceremony from the start). */
export function waitingForMe(c: Ceremony, index: number): boolean {
  return (
    c.status === 'collecting' &&
    !(c.messages.round1 as { index?: number }[]).some((m) => m.index === index)
  );
}
