/**
 * Verifies an exported minutes bundle offline, with no database and no network:
 *
 *   node --import tsx libs/minutes/src/cli/verify-bundle.ts <bundle.zip> [--json]
 *   node dist/libs/minutes/src/cli/verify-bundle.js <bundle.zip> [--json]
 *
 * Prints the four properties of DA/T 70 (真实性, 完整性, 可用性, 安全性) with what was checked and
 * the first failure. Exit code 0: everything verified; 1: a check failed; 2: bad usage or no file.
 */
import { readFileSync } from 'node:fs';
import { verifyBundle, type BundleReport } from '../index.js';
import { printProperties } from './print.js';

function print(report: BundleReport): void {
  if (report.document)
    console.log(
      `${report.document.title}（${report.document.reference}）\n文档哈希 ${report.document.hash}\n`,
    );
  const file = report.firstFailure?.file;
  printProperties(report, file ? `（${file}）` : undefined);
}

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('用法：verify-bundle <导出包.zip> [--json]');
  process.exit(2);
}
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.error(`无法读取 ${file}：${(e as Error).message}`);
  process.exit(2);
}
const report = verifyBundle(bytes);
if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
else print(report);
process.exit(report.ok ? 0 : 1);
