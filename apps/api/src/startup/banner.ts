/** What an operator needs to see once the server is up, in a few lines that stand out. */
export interface BannerFacts {
  /** Where to open the app: local-network addresses first, then localhost. */
  urls: string[];
  /** The admin's one-time password when this start created the account. */
  adminPassword?: string;
  /** Whether the database is the embedded one (and where its data is). */
  embeddedDataDir?: string;
}

export function startBanner(facts: BannerFacts): string {
  const [first, ...others] = facts.urls;
  const lines = [
    '职代会系统已启动 · congress app is up',
    '',
    `打开 / open:  ${first ?? ''}`,
    ...others.map((u) => `              ${u}`),
    `接口文档 / API docs: ${first ?? ''}/api/docs`,
  ];
  if (facts.urls.length > 1)
    lines.push('会场平板请使用局域网地址 / tablets in the hall use a network address');
  if (facts.embeddedDataDir)
    lines.push(`数据库 / database: 内置 PostgreSQL，数据在 ${facts.embeddedDataDir}`);
  if (facts.adminPassword) {
    lines.push(
      '',
      `管理员账号 / admin account:  admin`,
      `一次性密码 / one-time password:  ${facts.adminPassword}`,
      '首次登录后须修改，此密码不再显示 / change it at the first log-in; it is not shown again',
    );
  }
  lines.push('', '停止 / stop: Ctrl+C');
  const width = Math.max(...lines.map(displayWidth));
  const rule = '═'.repeat(width + 4);
  return ['', `╔${rule}╗`, ...lines.map((l) => `║  ${pad(l, width)}  ║`), `╚${rule}╝`, ''].join(
    '\n',
  );
}

/** Chinese characters take two columns in a terminal. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(width - displayWidth(s));
}
