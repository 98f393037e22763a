import type { Socket } from 'socket.io';

export interface SocketBacklogLimit {
  /** Packets waiting in engine.io's write buffer while the connection cannot take more. */
  packets: number;
  /** Bytes handed to the websocket and not yet taken by the operating system. */
  bytes: number;
}

/**
 * A tablet receives a few events a second at most (attendance at most every 250 ms, turnout,
 * poll events, incidents); one that stalls for the heartbeat's 45 s keeps well under 1,000
 * packets. Each event is at most a few kilobytes, so one stuck socket holds a few megabytes at most.
 */
export const SOCKET_BACKLOG_LIMIT: SocketBacklogLimit = { packets: 1_000, bytes: 4 * 1024 * 1024 };

interface WebSocketLike {
  bufferedAmount?: number;
  terminate?: () => void;
}

/**
 * Drops a socket whose client does not read what it is sent (a frozen screen, a hostile client
 * that stops reading but keeps answering the heartbeat blindly). Without this the server keeps
 * every event for it in memory: engine.io queues packets while the connection is not writable,
 * and a pong written without reading keeps the connection alive forever. Over the limit the
 * socket leaves its rooms at once and its TCP connection is cut, which frees what it held;
 * the other sockets' events never wait for it (each connection has its own buffers).
 */
export function limitSocketBacklog(
  socket: Socket,
  limit: SocketBacklogLimit = SOCKET_BACKLOG_LIMIT,
): void {
  const conn = socket.conn;
  let queued = 0;
  let dropped = false;
  conn.on('flush', () => (queued = 0));
  conn.on('packetCreate', () => {
    queued += 1;
    if (dropped) return;
    const ws = (conn.transport as unknown as { socket?: WebSocketLike }).socket;
    if (queued <= limit.packets && (ws?.bufferedAmount ?? 0) <= limit.bytes) return;
    dropped = true;
    // Not from inside engine.io's send: the packet being created is pushed right after this.
    setImmediate(() => {
      socket.disconnect(true);
      ws?.terminate?.();
    });
  });
}
