// The PDF is read back with pdf.js (Firefox's reader): the Chinese text comes out, the fonts are
// embedded subsets, it declares PDF/A-3b, and its embedded minutes.json is byte for byte the
// signed document. The DOCX is unzipped and its document.xml read back.
import { describe, expect, it, beforeAll } from '@jest/globals';
import { unzipSync } from 'fflate';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { canonicalBytes } from '../jcs.js';
import { embeddedFiles, pdfInfo } from '../pdf-read.js';
import { shortFingerprint, documentHash } from '../signatures.js';
import { signedSample } from '../testing.js';
import { renderMinutesDocx, renderMinutesPdf } from './index.js';

const sample = signedSample();
let pdf: Uint8Array;

// Loading the 10 MB fonts and subsetting them takes seconds on a busy 2-core machine.
beforeAll(async () => {
  pdf = await renderMinutesPdf(sample.document, sample.signatures);
}, 120_000);

async function readPdf(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
    }
    const attachments = (await doc.getAttachments()) as Record<
      string,
      { filename: string; content: Uint8Array }
    > | null;
    return { pages, attachments };
  } finally {
    await doc.destroy();
  }
}

describe('renderMinutesPdf', () => {
  it('writes Chinese text that reads back, with the CJK font embedded as a subset', async () => {
    const { pages } = await readPdf(pdf);
    const all = pages.join('').replace(/\s+/g, '');
    for (const text of [
      '华东机械有限公司第五届职工代表大会',
      '第五届职代会〔2026〕2号',
      '华东机械有限公司第五届职工代表大会第二次会议记录',
      '应到代表10人，实到7人，请假2人',
      '陈喆（第一代表团），病假',
      '职工福利基金使用方案',
      '赞成3票，反对1票，弃权1票',
      '不对运维方保密',
      '欧阳娜娜',
      '认可率40.00%（2/5）',
      '关于公司2025年度工作报告的决议',
      '代表郑强平板登录码遗失，重新签发',
      '2026年3月21日',
      '签署页',
    ])
      expect(all).toContain(text.replace(/\s+/g, ''));
    const last = pages
      .slice(pages.findIndex((p) => p.includes('签 署 页')))
      .join('')
      .replace(/\s+/g, '');
    expect(last).toContain('记录人（秘书）：王芳');
    expect(last).toContain('会议主持人（执行主席）：李明');
    expect(last).toContain('监票人：赵强');
    expect(last).toContain('2026-03-2110:10'); // signedAt 02:10 UTC in Shanghai
    expect(last).toContain(shortFingerprint(sample.keys.chair.fingerprint));
    expect(last).toContain(documentHash(sample.document).slice(0, 16));
    expect(pages[0]).toMatch(/— 1 —/);

    const bytes = Buffer.from(pdf).toString('latin1');
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular\b/);
    expect(bytes).toContain('/FontFile2');
    expect(pdf.length).toBeLessThan(400_000);
  });

  it('declares PDF/A-3b and carries the signed minutes JSON and the signatures as associated files', async () => {
    expect(pdfInfo(pdf)).toEqual({ wellFormed: true, version: '1.7', pdfa: '3B' });
    const { attachments } = await readPdf(pdf);
    expect(Object.keys(attachments ?? {}).sort()).toEqual(['minutes.json', 'signatures.json']);
    expect(Buffer.from(attachments!['minutes.json']!.content)).toEqual(
      Buffer.from(canonicalBytes(sample.document)),
    );
    // The library's own reader agrees with pdf.js, and reads the PDF/A-3 relationship.
    const mine = embeddedFiles(pdf);
    expect(mine.map((f) => [f.name, f.relationship, f.mimeType])).toEqual([
      ['minutes.json', 'Source', 'application/json'],
      ['signatures.json', 'Supplement', 'application/json'],
    ]);
    expect(Buffer.from(mine[0]!.bytes)).toEqual(Buffer.from(canonicalBytes(sample.document)));
    expect(JSON.parse(new TextDecoder().decode(mine[1]!.bytes))).toEqual(sample.signatures);
  });
});

describe('renderMinutesDocx', () => {
  it('writes a DOCX whose document.xml reads back with the Chinese text', async () => {
    const docx = await renderMinutesDocx(sample.document, sample.signatures);
    const files = unzipSync(docx);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']),
    );
    const xml = new TextDecoder().decode(files['word/document.xml']);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const t of [
      '第五届职代会〔2026〕2号',
      '二、出席情况',
      '赞成 3 票，反对 1 票',
      '欧阳娜娜',
      '记录人（秘书）：王芳',
      '可编辑副本',
    ])
      expect(text).toContain(t);
    expect(xml).toContain('<w:tbl>'); // candidate and evaluation tables
  });
});
