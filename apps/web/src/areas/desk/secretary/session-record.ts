import type { PollView } from '@libs/contracts/src/index.js';
import { ref } from 'vue';
import type { components } from '../../../api/schema.js';
import { current } from '../current.js';
import { deskApi, messageOf, unwrap } from '../desk.js';

type Row = components['schemas']['AttendanceRowResponse'];
type Group = components['schemas']['GroupResponse'];
type Item = components['schemas']['AgendaItemResponse'];
type Summary = components['schemas']['AttendanceSummaryResponse'];

/** The chosen session's record as the secretary reads it (read-only; every part optional). */
export function useSessionRecord(parts: {
  attendance?: boolean;
  items?: boolean;
  polls?: boolean;
}) {
  const summary = ref<Summary | null>(null);
  const rows = ref<Row[]>([]);
  const groups = ref<Group[]>([]);
  const items = ref<Item[]>([]);
  const polls = ref<PollView[]>([]);
  const error = ref('');

  async function load() {
    const sessionId = current.sessionId;
    if (!sessionId) return;
    const path = { params: { path: { sessionId } } };
    try {
      await Promise.all([
        parts.attendance &&
          Promise.all([
            unwrap(deskApi.GET('/api/sessions/{sessionId}/attendance/summary', path)),
            unwrap(deskApi.GET('/api/sessions/{sessionId}/attendance', path)),
            unwrap(
              deskApi.GET('/api/terms/{termId}/groups', {
                params: { path: { termId: current.termId } },
              }),
            ),
          ]).then(([s, r, g]) => {
            summary.value = s;
            rows.value = r;
            groups.value = g;
          }),
        parts.items &&
          unwrap(deskApi.GET('/api/sessions/{sessionId}/agenda/items', path)).then(
            (i) => (items.value = i),
          ),
        parts.polls &&
          unwrap(deskApi.GET('/api/sessions/{sessionId}/polls', path)).then(
            (p) => (polls.value = p as unknown as PollView[]),
          ),
      ]);
    } catch (e) {
      error.value = messageOf(e);
    }
  }
  return { summary, rows, groups, items, polls, error, load };
}
