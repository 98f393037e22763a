// A tablet's socket without socket.io-client: engine.io v4 over a WebSocket only (`ws`), with
// socket.io packets written by hand. It exists so the load generator's own cost per cast is one
// `ws.send` of a frame built before the burst, and one small parse of the acknowledgement.
//   engine.io: "0{…}" open, "2" ping → "3" pong, "4…" message
//   socket.io (inside "4"): "0{auth}" connect, "2<id>[event, data]" event with ack id,
//                           "2[event, data]" broadcast,
//                           "3<id>[reply]" acknowledgement, "4{…}" connect error
import WebSocket from 'ws';

export class RawSocket {
  private nextId = 0;
  private readonly pending = new Map<number, (reply: unknown) => void>();
  private readonly listeners = new Map<string, (data: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onFrame(data.toString()));
    ws.on('close', () => {
      for (const resolve of this.pending.values())
        resolve({ ok: false, error: { code: 'CLOSED' } });
      this.pending.clear();
    });
  }

  /** Connects to `base` (http://host:port) with the tablet's token; rejects on a connect error. */
  static async connect(base: string, token: string, timeoutMs = 30_000): Promise<RawSocket> {
    const url = `${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
    const ws = new WebSocket(url, { perMessageDeflate: false });
    return new Promise<RawSocket>((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('socket connect timed out'));
      }, timeoutMs);
      const fail = (e: Error) => {
        clearTimeout(timer);
        reject(e);
      };
      ws.once('error', fail);
      const onHandshake = (data: WebSocket.RawData) => {
        const frame = data.toString();
        if (frame.startsWith('0')) {
          ws.send(`40${JSON.stringify({ token })}`);
        } else if (frame.startsWith('40')) {
          ws.off('message', onHandshake);
          ws.off('error', fail);
          clearTimeout(timer);
          resolve(new RawSocket(ws));
        } else if (frame.startsWith('44')) {
          ws.terminate();
          fail(new Error(`socket connect refused: ${frame.slice(2)}`));
        }
      };
      ws.on('message', onHandshake);
    });
  }

  /** An event with an acknowledgement, serialised now (for set-up requests). */
  emitWithAck(event: string, data: unknown): Promise<unknown> {
    const id = this.nextId++;
    return this.sendFrame(RawSocket.frame(id, event, data), id);
  }

  /** Reserves an acknowledgement id for a frame built ahead of time with `frame`. */
  reserveId(): number {
    return this.nextId++;
  }

  /** The engine.io text frame of a socket.io event with ack id `id`. */
  static frame(id: number, event: string, data: unknown): string {
    return `42${id}${JSON.stringify([event, data])}`;
  }

  /** Sends a frame built ahead of time; resolves with the server's acknowledgement. */
  sendFrame(frame: string, id: number): Promise<unknown> {
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(frame);
    });
  }

  /** Calls `handler` with the data of each broadcast `event` (one handler per event). */
  on(event: string, handler: (data: unknown) => void): void {
    this.listeners.set(event, handler);
  }

  close(): void {
    this.ws.close();
  }

  private onFrame(frame: string): void {
    if (frame === '2') {
      this.ws.send('3');
      return;
    }
    // '42["event",data]': a broadcast, parsed only for an event listened to (the turnout's
    // frames during a casting stay one string comparison each).
    if (frame.startsWith('42["')) {
      const event = frame.slice(4, frame.indexOf('"', 4));
      const handler = this.listeners.get(event);
      if (handler) handler((JSON.parse(frame.slice(2)) as unknown[])[1]);
      return;
    }
    // "43<id>[reply]": an acknowledgement.
    if (!frame.startsWith('43')) return;
    const bracket = frame.indexOf('[');
    const id = Number(frame.slice(2, bracket));
    const resolve = this.pending.get(id);
    if (!resolve) return;
    this.pending.delete(id);
    resolve((JSON.parse(frame.slice(bracket)) as unknown[])[0]);
  }
}
