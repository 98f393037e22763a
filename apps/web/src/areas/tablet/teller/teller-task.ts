import { apiOf, unwrap } from '@web/shared/api.js';
import { waitingForMe } from './ceremony-view.js';

/**
 * What the home page says to a teller (most delegates: nothing): a ceremony waiting for this
 * tablet, or closes waiting for this ceremony's tellers. Null when the account is no teller.
 */
export async function tellerTask(): Promise<string | null> {
  const api = apiOf('tablet');
  const mine = await unwrap(api.GET('/api/tellers/me/ceremonies'));
  if (mine.some((m) => waitingForMe(m.ceremony, m.index))) return '监票人：参加密钥仪式';
  let closes = 0;
  for (const m of mine.filter((x) => x.ceremony.status === 'ready'))
    closes += (
      await unwrap(
        api.GET('/api/ceremonies/{id}/pending', { params: { path: { id: m.ceremony.id } } }),
      )
    ).length;
  if (closes > 0) return `监票人：解密表决结果（${closes} 项待解密）`;
  return mine.some((m) => m.ceremony.status !== 'failed') ? '监票人' : null;
}
