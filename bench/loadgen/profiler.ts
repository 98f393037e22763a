// Profiles the api's main thread during one phase only (the burst), through the inspector the api
// was started with (`--inspect=127.0.0.1:<port>`, congress.ts): Profiler.start before the barrier,
// Profiler.stop after the last acknowledgement, the profile written as a .cpuprofile (open it in
// Chrome DevTools or summarise it with bench/cpuprofile-summary.ts). The verifier pool's worker
// threads are not in it: for them, API_NODE_FLAGS="--cpu-prof --cpu-prof-dir=…" (whole run).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';

export class ApiProfiler {
  private nextId = 1;
  private readonly pending = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { id?: number; result?: unknown };
      if (m.id !== undefined) this.pending.get(m.id)?.(m.result);
      if (m.id !== undefined) this.pending.delete(m.id);
    });
  }

  static async attach(inspectPort: number): Promise<ApiProfiler> {
    const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as {
      webSocketDebuggerUrl: string;
    }[];
    const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    const profiler = new ApiProfiler(ws);
    await profiler.command('Profiler.enable');
    // 500 µs between samples: 2× the default resolution, still cheap for the api.
    await profiler.command('Profiler.setSamplingInterval', { interval: 500 });
    return profiler;
  }

  private command(method: string, params: object = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  async start(): Promise<void> {
    await this.command('Profiler.start');
  }

  /** Stops sampling and writes the profile to `file`; returns the profile. */
  async stop(file: string): Promise<CpuProfile> {
    const { profile } = (await this.command('Profiler.stop')) as { profile: CpuProfile };
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    return profile;
  }

  close(): void {
    this.ws.close();
  }
}

/** The parts of V8's .cpuprofile format the summary reads. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
