/** The few api calls a teller's device makes, with fetch (plain Node, no framework). */
export class TellerApi {
  private token = '';

  constructor(readonly base: string) {}

  async login(username: string, password: string): Promise<void> {
    const body = await this.call<{ accessToken: string }>('POST', '/api/auth/login', {
      username,
      password,
    });
    this.token = body.accessToken;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: object): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  /** Answers the parsed body; throws ApiError with the api's code and message otherwise. */
  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    const res = await fetch(new URL(path, this.base), {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) {
      const e = (parsed ?? {}) as { code?: string; message?: string; details?: unknown };
      throw new ApiError(res.status, e.code ?? 'HTTP_ERROR', e.message ?? text, e.details);
    }
    return parsed as T;
  }
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`${status} ${code}: ${message}${details ? ` ${JSON.stringify(details)}` : ''}`);
  }
}

/**
 * A failure worth trying again: no answer at all (fetch's network error: the api restarting, the
 * Wi-Fi gone) or the api saying it is briefly unable (its database away, a gateway, a limit).
 */
export function isTransient(e: unknown): boolean {
  if (e instanceof ApiError) return [429, 502, 503, 504].includes(e.status);
  return e instanceof TypeError && e.message === 'fetch failed';
}
