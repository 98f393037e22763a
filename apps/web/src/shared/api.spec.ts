import { describe, expect, it } from '@jest/globals';
import { ApiError, NETWORK_ERROR, unwrap } from './api.js';

const answer = (status: number, body: unknown) =>
  Promise.resolve({
    data: status < 300 ? body : undefined,
    error: status < 300 ? undefined : body,
    response: new Response(null, { status }),
  });

describe('unwrap', () => {
  it('returns the data of a success', async () => {
    await expect(unwrap(answer(200, { id: 'x' }))).resolves.toEqual({ id: 'x' });
  });

  it('turns an error body into an ApiError with its code, message and field messages', async () => {
    const err = await unwrap(
      answer(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: '输入有误',
        details: [{ field: 'name', errors: ['姓名不能为空', '姓名过长'] }],
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '输入有误' });
    expect((err as ApiError).fields).toEqual({ name: '姓名不能为空；姓名过长' });
  });

  it('names the status when the server sent no error body', async () => {
    const err = (await unwrap(answer(502, undefined)).catch((e: unknown) => e)) as ApiError;
    expect([err.code, err.message]).toEqual(['HTTP_502', '服务器返回错误（502）']);
  });

  it('reads a network failure as one, in Chinese', async () => {
    await expect(unwrap(Promise.reject(new TypeError('fetch failed')))).rejects.toBe(NETWORK_ERROR);
  });
});
