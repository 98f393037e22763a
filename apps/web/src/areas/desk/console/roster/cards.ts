import { deskApi, unwrap } from '../../desk.js';
import { confirm, saveBlob, toastOk } from '../../ui.js';

/**
 * Prints 代表证 (delegate cards with the QR the door page scans) for the whole term's serving
 * seats, or one seat: the server issues new card codes and answers the PDF, the only copy; each
 * seat's older card stops working, so staff confirm first.
 */
export async function printCards(termId: string, who: { id: string; name: string } | null) {
  const ok = await confirm(
    who ? `补发代表证：${who.name}` : '打印全部代表证',
    `${who ? '将为该代表签发新的代表证' : '将为本届全部在任代表与列席代表签发代表证'}，下载 PDF 打印。此前打印的代表证随即作废，入场扫码时会提示“无效的代表证”。代表证只用于会场签到，不能登录或投票。`,
    '签发并下载',
  );
  if (!ok) return;
  const res = await deskApi.POST('/api/terms/{termId}/delegate-cards', {
    params: { path: { termId } },
    body: who ? { delegateIds: [who.id] } : {},
    parseAs: 'blob',
  });
  if (!res.response.ok) {
    // The error body is JSON even though a file was asked for.
    await unwrap(
      Promise.resolve({ ...res, error: JSON.parse(await (res.error as unknown as Blob).text()) }),
    );
  }
  const revoked = Number(res.response.headers.get('x-revoked-cards') ?? 0);
  saveBlob(res.data as Blob, `代表证-${who?.name ?? '全部'}.pdf`);
  toastOk(`代表证已签发并下载${revoked ? `，作废了 ${revoked} 张旧代表证` : ''}`);
}
