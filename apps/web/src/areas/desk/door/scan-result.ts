import type { components } from '../../../api/schema.js';
import { ApiError, messageOf } from '../desk.js';

type CardCheckIn = components['schemas']['CardCheckInResponse'];

/** What the door page shows after a scan: a colour, a big word, who, and a line of detail. */
export interface ScanFeedback {
  tone: 'ok' | 'again' | 'refused';
  word: string;
  name: string;
  detail: string;
}

const who = (d: { name: string; kind: string; groupName: string | null }) =>
  `${d.groupName ?? '未分团'}${d.kind === 'attendee' ? ' · 列席代表' : ''}`;

export function feedbackOf(r: CardCheckIn): ScanFeedback {
  return r.result === 'checked_in'
    ? { tone: 'ok', word: '已签到', name: r.delegate.name, detail: who(r.delegate) }
    : {
        tone: 'again',
        word: '已签到过',
        name: r.delegate.name,
        detail: `${who(r.delegate)}，无需重复签到`,
      };
}

const STATUS_WORDS: Record<string, string> = {
  recalled: '已罢免',
  replaced: '已补选替换',
  left: '已离任',
};

/** A refused scan in the words the door needs: 不是本次会议的代表, 已撤换, 无效的代表证 … */
export function refusalOf(e: unknown): ScanFeedback {
  if (!(e instanceof ApiError))
    return { tone: 'refused', word: '签到失败', name: '', detail: messageOf(e) };
  const d = (e.details ?? {}) as { delegate?: { name: string }; status?: string };
  switch (e.code) {
    case 'ATTENDANCE_CARD_OTHER_TERM':
      return {
        tone: 'refused',
        word: '不是本次会议的代表',
        name: d.delegate?.name ?? '',
        detail: '这张代表证属于其他届次',
      };
    case 'ATTENDANCE_CARD_SEAT_ENDED':
      return {
        tone: 'refused',
        word: '已撤换',
        name: d.delegate?.name ?? '',
        detail: `该代表${STATUS_WORDS[d.status ?? ''] ?? '不再在任'}，不能签到`,
      };
    case 'ATTENDANCE_CARD_UNKNOWN':
      return {
        tone: 'refused',
        word: '无效的代表证',
        name: '',
        detail: '证号不存在，或该证已补发作废',
      };
    default:
      return { tone: 'refused', word: '签到失败', name: '', detail: e.message };
  }
}
