/**
 * npm run teller -- <ceremony | decrypt | watch> --api URL --user NAME [options]
 *
 * A teller's (监票人) laptop: takes part in the session's key ceremony, keeps its share sealed
 * under a passphrase with a printed recovery sheet, and answers the closes of secret polls with
 * partial decryptions. Plain Node; talks to the api over HTTP only. See docs/tellers.md.
 */
import { parseArgs } from 'node:util';
import { TellerApi } from './api.js';
import { runCeremony } from './ceremony.js';
import { answerCloses } from './decrypt.js';
import { secretInput } from './io.js';

const USAGE = `用法：npm run teller -- <ceremony|decrypt|watch> --api <地址> --user <用户名> [选项]
  ceremony   参加密钥仪式：生成并加密保存本人份额，写出恢复单，显示密钥短指纹
  decrypt    为等待监票人的表决提交部分解密（一次）；--poll <表决ID> 只处理该表决
  watch      持续等待并解密每次结束的表决（Ctrl-C 结束）
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
  const api = new TellerApi(values.api);
  await api.login(values.user, await secretInput('TELLER_PASSWORD', '登录密码：'));
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
