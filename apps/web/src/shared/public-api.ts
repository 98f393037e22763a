import { createApiClient } from '../api/client.js';

/**
 * The typed client for the public routes (/api/public/…), sending no token: the public board
 * (公开栏) needs no log-in, and a phone that opens it keeps no one's credentials.
 */
export const publicApi = createApiClient({ baseUrl: '', token: () => null });
