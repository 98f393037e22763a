import type { OpenPollView } from '@libs/contracts/src/index.js';
import { signWithSlips, type SlipSignature } from '@libs/ballot/src/slips.js';
import { computed, reactive, watch } from 'vue';
import { ApiError, apiOf, unwrap } from '@web/shared/api.js';
import { sessionOf } from '@web/shared/session.js';
import { live } from '../live-state.js';
import {
  admitSlip,
  type Admission,
  forgetSlips,
  keepSlips,
  keptSlips,
  type Slip,
  slipsComplete,
  voterOfSlips,
} from './slip-store.js';

const tablet = sessionOf('tablet');
const userId = () => tablet.user.value?.id ?? '';

/**
 * The current session's slips on this tablet: how many tellers issue them (the session's batches
 * on the server, public keys not included) and the slips scanned here (secrets, on the device).
 */
export const slipState = reactive({
  sessionId: null as string | null,
  /** n of the session's ready ceremony; 0 when there is none. */
  tellers: 0,
  /** Batches uploaded so far (slips are in use once there is one). */
  batches: 0,
  slips: [] as Slip[],
  /** Why the session's batches could not be read (Chinese), or null. */
  problem: null as string | null,
});

/** Slips are in use in the session: a ready ceremony and at least one teller's batch. */
export const slipsInUse = computed(() => slipState.tellers > 0 && slipState.batches > 0);
export const slipsDone = computed(() => slipsComplete(slipState.slips, slipState.tellers));

/** Reads the session's batches from the server and this tablet's slips from the device. */
export async function loadSlips(): Promise<void> {
  const sessionId = live.session?.id ?? null;
  // Slips are drawn by delegates; an attendee's tablet never asks (the api would refuse it).
  if (!sessionId || tablet.user.value?.role !== 'delegate') return;
  if (slipState.sessionId !== sessionId) {
    Object.assign(slipState, { sessionId, tellers: 0, batches: 0, problem: null });
    slipState.slips = keptSlips(localStorage, userId(), sessionId);
  }
  try {
    const view = await unwrap(
      apiOf('tablet').GET('/api/sessions/{sessionId}/slip-batches', {
        params: { path: { sessionId } },
      }),
    );
    if (slipState.sessionId !== sessionId) return; // the session changed meanwhile
    slipState.tellers = view.tellers;
    slipState.batches = view.batches.length;
    slipState.problem = null;
  } catch (e) {
    slipState.problem = `无法读取本次会议的投票凭证情况：${e instanceof ApiError ? e.message : String(e)}`;
  }
}

/** Loads the slips now and whenever the session or its open polls change (a page's setup). */
export function useSlips(): void {
  watch(
    () => `${live.session?.id ?? ''}|${live.polls.open.map((p) => p.id).join()}`,
    () => void loadSlips(),
    { immediate: true },
  );
}

/** A scanned or typed text: kept on the device when admitted. */
export function addSlipText(text: string): Admission {
  const sessionId = slipState.sessionId;
  if (!sessionId || !slipState.tellers) return { ok: false, reason: '本次会议尚未发放投票凭证' };
  const r = admitSlip(slipState.slips, text, { sessionId, tellers: slipState.tellers });
  if (r.ok) {
    slipState.slips = r.slips;
    keepSlips(localStorage, userId(), sessionId, r.slips);
  }
  return r;
}

/** Drops this session's slips from the tablet (to scan them again, e.g. after a refusal). */
export function clearSlips(): void {
  if (!slipState.sessionId) return;
  slipState.slips = [];
  keepSlips(localStorage, userId(), slipState.sessionId, []);
}

/** A poll this tablet may vote in: a voter credential, or (slips polls) a delegate's log-in. */
export const mayVote = (p: OpenPollView): boolean =>
  p.voter !== null || (p.slips && tablet.user.value?.role === 'delegate');

/** A slips poll without a complete set of slips on this tablet. */
export const needsSlips = (p: OpenPollView): boolean =>
  p.slips && (slipState.sessionId !== p.sessionId || !slipsDone.value);

/** The voter a ballot of `p` is made for (slips polls: derived from the slips here). */
export const voterFor = (p: OpenPollView): string =>
  p.slips ? voterOfSlips(p.sessionId, slipState.slips) : p.voter!;

/** The slips' signatures on a ballot of a slips poll (nothing for other polls). */
export const slipSignatures = (p: OpenPollView, tracker: string): SlipSignature[] | undefined =>
  p.slips ? signWithSlips(p.id, tracker, slipState.slips) : undefined;

/** At log-out: the user's slips leave the tablet (they are still on paper). */
export function dropSlips(id: string): void {
  forgetSlips(localStorage, id);
  Object.assign(slipState, { sessionId: null, tellers: 0, batches: 0, slips: [], problem: null });
}
