/**
 * npm run teller -- <ceremony | decrypt | watch | slips> --api URL --user NAME [options]
 *
 * A teller's (监票人) laptop: takes part in the session's key ceremony, keeps its share sealed
 * under a passphrase with a printed recovery sheet, answers the closes of secret polls with
 * partial decryptions, and prints the session's ballot slips (投票凭证), uploading their public
 * keys. Plain Node; talks to the api over HTTP only. See docs/tellers.md.
 */
import { parseArgs } from 'node:util';
import { TellerApi } from './api.js';
import { runCeremony } from './ceremony.js';
import { answerCloses } from './decrypt.js';
import { secretInput } from './io.js';
import { printSlips } from './slips.js';

const USAGE = `用法：npm run teller -- <ceremony|decrypt|watch|slips> --api <地址> --user <用户名> [选项]
  ceremony   参加密钥仪式：生成并加密保存本人份额，写出恢复单，显示密钥短指纹
  decrypt    为等待监票人的表决提交部分解密（一次）；--poll <表决ID> 只处理该表决
  watch      持续等待并解密每次结束的表决（Ctrl-C 结束）
  slips      生成本人的投票凭证：先写出待打印的 PDF（--out，默认 teller-slips.pdf，不覆盖已有文件），
             再上传公钥；上传失败即删除 PDF。--session <会议ID>（默认：最新的已就绪仪式的会议）
             --count <张数>（默认：在任代表数加一成备用，至少加 5 张；账号不能读取代表人数时必须指定）
选项：--share <文件>（默认 teller-share.json） --sheet <文件>（默认 teller-recovery.txt）
      --state <文件>（仪式进行状态，默认 teller-ceremony-state.json；中断后再次运行 ceremony 即从中断处继续）
      --ceremony <仪式ID> --timeout <秒>（默认 3600） --interval <毫秒>（默认 1000）
密码取自 TELLER_PASSWORD，口令取自 TELLER_PASSPHRASE；未设置时在终端输入。`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      api: { type: 'string' },
      user: { type: 'string' },
      share: { type: 'string', default: 'teller-share.json' },
      sheet: { type: 'string', default: 'teller-recovery.txt' },
      state: { type: 'string', default: 'teller-ceremony-state.json' },
      ceremony: { type: 'string' },
      poll: { type: 'string' },
      session: { type: 'string' },
      count: { type: 'string' },
      out: { type: 'string', default: 'teller-slips.pdf' },
      timeout: { type: 'string', default: '3600' },
      interval: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || !command || !values.api || !values.user) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const count = values.count === undefined ? undefined : Number(values.count);
  if (count !== undefined && !(Number.isInteger(count) && count >= 1 && count <= 100_000))
    throw new Error('--count 应为 1 到 100000 之间的整数');
  const api = new TellerApi(values.api);
  await api.login(values.user, await secretInput('TELLER_PASSWORD', '登录密码：'));
  if (command === 'slips') {
    // The laptop's clock dates the printout only (shown on the teller's page).
    const generatedAt = new Date();
    await printSlips(api, { session: values.session, count, out: values.out!, generatedAt });
    return 0;
  }
  const timeoutMs = Number(values.timeout) * 1000;
  const passphrase = () => secretInput('TELLER_PASSPHRASE', '份额口令（至少 8 个字符）：');
  if (command === 'ceremony') {
    await runCeremony(api, {
      ceremony: values.ceremony,
      sharePath: values.share!,
      sheetPath: values.sheet!,
      statePath: values.state!,
      passphrase: await passphrase(),
      timeoutMs,
    });
    return 0;
  }
  if (command === 'decrypt' || command === 'watch') {
    await answerCloses(api, {
      sharePath: values.share!,
      passphrase: await passphrase(),
      poll: values.poll,
      watch: command === 'watch',
      untilMs: command === 'watch' ? timeoutMs : undefined,
      intervalMs: Number(values.interval),
    });
    return 0;
  }
  process.stdout.write(`${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
