import { bearer, type Api } from './actors.js';
import { pdfItems } from './pdf-text.js';
import { binary } from './test-app.js';

export { pdfItems };

/**
 * Prints 代表证 for these seats (all serving seats when omitted) and reads each card's 证号 back
 * from the PDF: name → code as printed (`7KQ2M-9XF4T`).
 */
export async function issueCards(
  t: Api,
  staff: string,
  termId: string,
  delegateIds?: string[],
): Promise<{ codes: Map<string, string>; pdf: Buffer; revoked: number }> {
  const res = await t
    .http()
    .post(`/api/terms/${termId}/delegate-cards`)
    .set(bearer(staff))
    .send(delegateIds ? { delegateIds } : {})
    .buffer(true)
    .parse(binary)
    .expect(200);
  const pdf = res.body as Buffer;
  const items = await pdfItems(pdf);
  const codes = new Map<string, string>();
  // Each card draws: term, 代表证 | 列席代表证, the name, …, 代表证号, the code.
  let name: string | null = null;
  items.forEach((item, i) => {
    if (item === '代表证' || item === '列席代表证') name = items[i + 1] ?? null;
    if (item !== '代表证号' || !name) return;
    // pdf.js may split the spaced-out code into several items.
    let code = '';
    for (let j = i + 1; j < items.length && code.length < 11; j++) code += items[j];
    if (/^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(code)) codes.set(name, code);
  });
  const printed = items.filter((i) => i === '代表证号').length;
  if (codes.size !== printed)
    throw new Error(`read ${codes.size} card codes from ${printed} cards: ${items.join(' ')}`);
  return { codes, pdf, revoked: Number(res.headers['x-revoked-cards']) };
}
