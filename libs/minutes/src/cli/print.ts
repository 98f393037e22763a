/** The four properties of a verification report, printed the same way by both command-line verifiers. */
import type { PropertiesReport } from '../properties.js';

export function printProperties(report: PropertiesReport, where?: string): void {
  for (const p of Object.values(report.properties)) {
    console.log(`${p.ok ? '✓' : '✗'} ${p.label}`);
    for (const line of p.checked) console.log(`    ${line}`);
    for (const note of p.notes) console.log(`    · ${note}`);
  }
  console.log(
    report.ok
      ? '\n验证通过。'
      : `\n验证未通过：${report.firstFailure?.code ?? ''} ${report.firstFailure?.message ?? '检查未能完成'}${where ?? ''}`,
  );
}
