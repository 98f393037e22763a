import { type ApiClient, createApiClient } from '../api/client.js';
import type { components } from '../api/schema.js';
import { type Area, sessionOf } from './session.js';

export type ErrorBody = components['schemas']['ErrorBody'];

/**
 * An error answer of the api, with its code (decide on this) and its Chinese message (show this).
 * `fields` maps a field name to its message when the server refused the input field by field.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    if (Array.isArray(this.details))
      for (const d of this.details as { field?: string; errors?: string[] }[])
        if (d.field && d.errors?.length) out[d.field] = d.errors.join('；');
    return out;
  }
}

/** Network failures (server down, Wi-Fi lost) read as people expect, not as a stack trace. */
export const NETWORK_ERROR = new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');

const clients = new Map<Area, ApiClient>();
const unauthorizedHandlers = new Map<Area, () => void>();

/** What the area does when the server says its token is no longer valid (go to its log-in). */
export function onUnauthorized(area: Area, handler: () => void): void {
  unauthorizedHandlers.set(area, handler);
}

/** The typed client of an area, sending that area's token. */
export function apiOf(area: Area): ApiClient {
  let c = clients.get(area);
  if (!c) {
    const session = sessionOf(area);
    c = createApiClient({ baseUrl: '', token: session.token });
    c.use({
      onResponse({ response }) {
        if (response.status === 401 && session.token()) {
          session.signOut();
          unauthorizedHandlers.get(area)?.();
        }
        return response;
      },
    });
    clients.set(area, c);
  }
  return c;
}

/**
 * The data of an openapi-fetch answer, or an ApiError:
 *   const term = await unwrap(api.GET('/api/terms/{id}', { params: { path: { id } } }));
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let res: { data?: T; error?: unknown; response: Response };
  try {
    res = await call;
  } catch {
    throw NETWORK_ERROR;
  }
  if (res.response.ok) return res.data as T;
  const body = res.error as Partial<ErrorBody> | undefined;
  throw new ApiError(
    res.response.status,
    body?.code ?? 'HTTP_' + res.response.status,
    body?.message ?? `服务器返回错误（${res.response.status}）`,
    body?.details,
  );
}
