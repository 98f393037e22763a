import { ref, type Ref, watch, type WatchSource } from 'vue';
import { ApiError } from '@web/shared/api.js';

/**
 * Data loaded again whenever `key` changes (the session chosen), with its error in Chinese; an
 * answer to an older key that arrives late is dropped.
 */
export function loadedFor<K, T>(key: WatchSource<K>, load: (key: K) => Promise<T> | null) {
  const data = ref<T | null>(null) as Ref<T | null>;
  const error = ref('');
  const loading = ref(false);
  let turn = 0;
  watch(
    key,
    async (k) => {
      const mine = ++turn;
      const pending = load(k);
      data.value = null;
      error.value = '';
      if (!pending) return;
      loading.value = true;
      try {
        const value = await pending;
        if (mine === turn) data.value = value;
      } catch (e) {
        if (mine === turn) error.value = e instanceof ApiError ? e.message : '读取失败，请稍后重试';
      } finally {
        if (mine === turn) loading.value = false;
      }
    },
    { immediate: true },
  );
  return { data, error, loading };
}
