import { computed, ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { components } from '../../api/schema.js';
import { ApiError, unwrap } from '@web/shared/api.js';
import { publicApi } from '@web/shared/public-api.js';

export type PublicSession = components['schemas']['PublicSessionResponse'];

/**
 * The sessions whose agenda is published, newest first, and the one the page shows: the
 * `?session=` of the address (so a link or a QR code on the paper notice board opens it), else
 * the newest.
 */
export function usePublicSessions() {
  const route = useRoute();
  const router = useRouter();
  const sessions = ref<PublicSession[]>([]);
  const error = ref('');
  const loaded = ref(false);

  const load = unwrap(publicApi.GET('/api/public/sessions')).then(
    (list) => (sessions.value = list),
    (e: unknown) => (error.value = e instanceof ApiError ? e.message : '无法读取会议列表'),
  );
  void load.finally(() => (loaded.value = true));

  const selectedId = computed({
    get: () =>
      (typeof route.query.session === 'string' ? route.query.session : null) ??
      sessions.value[0]?.id ??
      null,
    set: (id) => void router.replace({ query: { ...route.query, session: id ?? undefined } }),
  });
  const selected = computed(() => sessions.value.find((s) => s.id === selectedId.value) ?? null);
  return { sessions, error, loaded, selectedId, selected };
}
