import 'reflect-metadata';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  type CallHandler,
  Controller,
  Injectable,
  type INestApplication,
  Module,
  type NestInterceptor,
  Post,
  Res,
} from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { from, mergeMap, type Observable } from 'rxjs';
import { AfterAnswerInterceptor, afterAnswer } from './after-answer.js';

// What each request did, in order: 'answered' when its answer was written, 'hall' when what it
// held back ran.
let order: string[] = [];
let hallRan: () => void = () => undefined;
let gate: Promise<void> = Promise.resolve();
let atGate: () => void = () => undefined;

interface FinishingResponse {
  once(event: 'finish', listener: () => void): unknown;
}

function markAnswered(res: FinishingResponse): void {
  res.once('finish', () => order.push('answered'));
}

function toHall(): void {
  order.push('hall');
  hallRan();
}

/**
 * Stands for the audit log: after the handler, the request waits for I/O of its own before its
 * answer goes out.
 */
@Injectable()
class IoAfterHandler implements NestInterceptor {
  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(mergeMap((r) => from(new Promise((ok) => setTimeout(() => ok(r), 20)))));
  }
}

@Controller()
class DecideController {
  @Post('decide')
  decide(@Res({ passthrough: true }) res: FinishingResponse) {
    markAnswered(res);
    afterAnswer(toHall);
    return { decided: true };
  }

  /** The way it was done before: the hall in the next turn of the event loop. */
  @Post('decide-next-turn')
  decideNextTurn(@Res({ passthrough: true }) res: FinishingResponse) {
    markAnswered(res);
    setImmediate(toHall);
    return { decided: true };
  }

  @Post('decide-slowly')
  async decideSlowly(@Res({ passthrough: true }) res: FinishingResponse) {
    markAnswered(res);
    afterAnswer(toHall);
    atGate();
    await gate;
    return { decided: true };
  }
}

@Module({
  controllers: [DecideController],
  providers: [
    { provide: APP_INTERCEPTOR, useClass: AfterAnswerInterceptor },
    { provide: APP_INTERCEPTOR, useClass: IoAfterHandler },
  ],
})
class DecideModule {}

describe('afterAnswer', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    app = await NestFactory.create(DecideModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => app.close());

  /** Resolves when the hall's part has run; fails the test after 10 s. */
  function hall(): Promise<void> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('the hall never heard')), 10_000);
      hallRan = () => {
        clearTimeout(timer);
        ok();
      };
    });
  }

  beforeEach(() => {
    order = [];
  });

  it('holds the hall back until the answer is written, past I/O after the handler', async () => {
    const heard = hall();
    const res = await fetch(`${base}/decide`, { method: 'POST' });
    expect(await res.json()).toEqual({ decided: true });
    await heard;
    expect(order).toEqual(['answered', 'hall']);
  });

  it('tells the difference: the next turn of the event loop comes before such an answer', async () => {
    const heard = hall();
    await fetch(`${base}/decide-next-turn`, { method: 'POST' });
    await heard;
    expect(order).toEqual(['hall', 'answered']);
  });

  it('lets the hall hear when the client went away before the answer', async () => {
    let open: () => void = () => undefined;
    gate = new Promise((ok) => (open = ok));
    const reached = new Promise<void>((ok) => (atGate = ok));
    const heard = hall();
    const aborting = new AbortController();
    const request = fetch(`${base}/decide-slowly`, {
      method: 'POST',
      signal: aborting.signal,
    }).catch((e: unknown) => e);
    // Aborted once the handler holds the request (and its hall's part) at the gate.
    await reached;
    aborting.abort();
    expect(await request).toMatchObject({ name: 'AbortError' });
    await heard;
    expect(order).toEqual(['hall']);
    open();
  });

  it('outside a request, runs in the next turn, not at once', async () => {
    const heard = hall();
    afterAnswer(toHall);
    expect(order).toEqual([]);
    await heard;
    expect(order).toEqual(['hall']);
  });

  it('a failing part (logged) does not stop the next one', async () => {
    const heard = hall();
    afterAnswer(() => {
      throw new Error('refused');
    });
    afterAnswer(toHall);
    await heard;
    expect(order).toEqual(['hall']);
  });
});
