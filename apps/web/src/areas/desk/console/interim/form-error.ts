import { ApiError, messageOf } from '../../desk.js';

/** A refusal as one line: the fields the server named, or its message. */
export function refusalText(e: unknown): string {
  return e instanceof ApiError && Object.keys(e.fields).length
    ? Object.values(e.fields).join('；')
    : messageOf(e);
}
