import { createInterface } from 'node:readline/promises';

export const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `get` until `done` holds (the other tellers' devices are people's laptops: be patient). */
export async function waitFor<T>(
  get: () => Promise<T>,
  done: (v: T) => boolean,
  timeoutMs: number,
  intervalMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`等待超时（${Math.round(timeoutMs / 1000)} 秒）`);
    await sleep(intervalMs);
  }
}

/** From the environment variable if set (for scripts and tests), else asked on the terminal. */
export async function secretInput(envName: string, prompt: string): Promise<string> {
  const v = process.env[envName];
  if (v) return v;
  if (!process.stdin.isTTY) throw new Error(`请在终端运行，或设置环境变量 ${envName}`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Typed characters are not echoed (the prompt is written once, then output is muted).
  const out = rl as unknown as { _writeToOutput?: (s: string) => void };
  process.stdout.write(prompt);
  out._writeToOutput = () => undefined;
  try {
    return await rl.question('');
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}
