import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text items of a PDF in drawing order, as pdf.js extracts them. */
export async function pdfItems(bytes: Buffer | Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const items: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const i of content.items) if ('str' in i && i.str.trim()) items.push(i.str.trim());
    }
    return items;
  } finally {
    await doc.destroy();
  }
}

/** A text item with where pdf.js finds it: page (1-based) and baseline height from the page's foot. */
export interface PlacedItem {
  page: number;
  str: string;
  baseline: number;
}

/** The text items of a PDF with their page and baseline, to check a layout stays in its margins. */
export async function pdfPlacedItems(bytes: Buffer | Uint8Array): Promise<PlacedItem[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const items: PlacedItem[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      for (const i of content.items)
        if ('str' in i && i.str.trim())
          items.push({ page: p, str: i.str.trim(), baseline: i.transform[5] as number });
    }
    return items;
  } finally {
    await doc.destroy();
  }
}
