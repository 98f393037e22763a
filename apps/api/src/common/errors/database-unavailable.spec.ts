import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './error-body.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED')],
    ['an administrator ending the backend (restart)', pgError('57P01')],
    ['the server starting up', pgError('57P03')],
    ['a connection exception class 08', pgError('08006')],
    ['pg cutting a query', new Error('Connection terminated unexpectedly')],
    [
      'a database refusing connections',
      pgError('55000', 'database "x" is not currently accepting connections'),
    ],
    [
      'the same inside TypeORM’s wrapper',
      new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection')),
    ],
  ])('is true for %s', (_, e) => expect(isDatabaseUnavailable(e)).toBe(true));

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], pgError('23505'))],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('is false for %s', (_, e) => expect(isDatabaseUnavailable(e)).toBe(false));

  it('makes the answer a 503 the client can retry, not a 500', () => {
    expect(toErrorBody(pgError('ECONNREFUSED'))).toMatchObject({
      statusCode: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(toErrorBody(new TypeError('x'))).toMatchObject({ statusCode: 500 });
  });
});
