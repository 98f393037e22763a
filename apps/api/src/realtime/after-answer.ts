import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { Observable } from 'rxjs';

interface ResponseLike {
  once(event: 'finish' | 'close', listener: () => void): unknown;
}

/** What an HTTP request in progress holds back until its answer has been written. */
class HeldUntilAnswered {
  private readonly held: (() => void)[] = [];
  private answered = false;

  constructor(res: ResponseLike) {
    const release = () => {
      if (this.answered) return;
      this.answered = true;
      const held = this.held.splice(0);
      // Not inside the response's event: its other listeners (the request log) go first.
      if (held.length > 0) setImmediate(() => held.forEach(runLogged));
    };
    // 'finish': the answer is with the operating system; 'close' also comes when the client
    // went away first, so nothing held is ever dropped.
    res.once('finish', release);
    res.once('close', release);
  }

  add(fn: () => void): void {
    if (this.answered) setImmediate(() => runLogged(fn));
    else this.held.push(fn);
  }
}

const requests = new AsyncLocalStorage<HeldUntilAnswered>();
const logger = new Logger('Realtime');

function runLogged(fn: () => void): void {
  try {
    fn();
  } catch (err) {
    logger.error({ err }, 'an announcement after the answer failed');
  }
}

/**
 * Runs `fn` once the answer to the HTTP request in progress has been written, or in the next
 * turn of the event loop outside one (a socket event, a timer). For what goes to the whole hall
 * (a poll's result: a write to each of 2,000 sockets, 50–100 ms of the main thread): the answer
 * to whoever caused it is not held behind those writes. A `setImmediate` alone did not do that
 * when the request still had I/O to wait for after its handler (the audit log's INSERT): the
 * writes ran while it was in flight and the answer waited for them.
 */
export function afterAnswer(fn: () => void): void {
  const held = requests.getStore();
  if (held) held.add(fn);
  else setImmediate(() => runLogged(fn));
}

/** Gives each HTTP request the place `afterAnswer` holds things in. */
@Injectable()
export class AfterAnswerInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const held = new HeldUntilAnswered(context.switchToHttp().getResponse<ResponseLike>());
    // Nest binds the handler to the async scope `handle()` is called in (its interceptors'
    // consumer), so the handler and everything it awaits see this request's store.
    return requests.run(held, () => next.handle());
  }
}
