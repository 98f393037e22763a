import { describe, expect, it } from '@jest/globals';
import { type ArgumentMetadata, HttpStatus } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  getMetadataStorage,
  IsEnum,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { AppModule } from '../app.module.js';
import { CommonException } from './errors/app.exception.js';
import { createValidationPipe, ParsedByService } from './validation.js';
import { CONSTRAINT_MESSAGES } from './validation-messages.js';

enum Colour {
  Red = 'red',
  Blue = 'blue',
}

class Inner {
  @IsInt() @Max(50) seats!: number;
}

class Sample {
  @IsString() @MaxLength(5) name!: string;
  @IsEnum(Colour) colour!: Colour;
  @Matches(/^\d+$/, { message: '应为数字编号' }) code!: string;
  @ValidateNested() @Type(() => Inner) vote!: Inner;
}

async function fieldErrors(body: unknown) {
  const meta: ArgumentMetadata = { type: 'body', metatype: Sample };
  try {
    await createValidationPipe().transform(body, meta);
  } catch (e) {
    expect(e).toBeInstanceOf(CommonException);
    expect((e as CommonException).status).toBe(HttpStatus.BAD_REQUEST);
    return (e as CommonException).details;
  }
  throw new Error('expected a validation error');
}

describe('field errors', () => {
  it('are Chinese, with the numbers and values of the rule', async () => {
    expect(
      await fieldErrors({
        name: 'too long',
        colour: 'green',
        code: 'x1',
        vote: { seats: 99 },
        extra: 1,
      }),
    ).toEqual([
      { field: 'extra', errors: ['不允许此字段'] },
      { field: 'name', errors: ['不能超过 5 个字符'] },
      { field: 'colour', errors: ['应为以下之一：red、blue'] },
      { field: 'code', errors: ['应为数字编号'] },
      { field: 'vote.seats', errors: ['不能大于 50'] },
    ]);
  });

  it('exist in Chinese for every constraint the api uses', () => {
    expect(AppModule).toBeDefined(); // imports every DTO, so their decorators are registered
    const storage = getMetadataStorage() as unknown as {
      validationMetadatas: Map<unknown, ValidationMetadata[]>;
    };
    const used = [...storage.validationMetadatas.values()]
      .flat()
      // start-up settings are read by the operator from the console, not by a client
      .filter((m) => (m.target as { name: string }).name !== 'EnvironmentVariables')
      .filter((m) => m.type === 'customValidation');
    expect(used.length).toBeGreaterThan(200);
    const missing = used
      .filter((m) =>
        m.message ? !/[\u4e00-\u9fff]/.test(String(m.message)) : !CONSTRAINT_MESSAGES[m.name!],
      )
      .map((m) => `${(m.target as { name: string }).name}.${m.propertyName}: ${m.name}`);
    expect(missing).toEqual([]);
  });
});

class WithSealed {
  @IsString() @MaxLength(5) name!: string;
  @ParsedByService() sealed?: unknown;
}

describe('a field its service parses itself (@ParsedByService)', () => {
  const meta: ArgumentMetadata = { type: 3 as unknown as 'body', metatype: WithSealed };
  const pipe = createValidationPipe();

  it('is handed over as sent, not walked, transformed or stripped', async () => {
    // What the generic checks would refuse (a NUL, deep nesting): the service's parser refuses it.
    const sealed = { text: 'a\u0000b', deep: JSON.parse('['.repeat(100) + ']'.repeat(100)) };
    const dto = (await pipe.transform({ name: 'ok', sealed }, meta)) as WithSealed;
    expect(dto).toBeInstanceOf(WithSealed);
    expect(dto.sealed).toBe(sealed);
  });

  it('leaves the other fields to the usual checks, unknown fields included', async () => {
    await expect(pipe.transform({ name: 'too long', sealed: {} }, meta)).rejects.toMatchObject({
      details: [{ field: 'name' }],
    });
    await expect(pipe.transform({ name: 'ok', sealed: {}, extra: 1 }, meta)).rejects.toMatchObject({
      details: [{ field: 'extra' }],
    });
    await expect(pipe.transform({ name: 'a\u0000', sealed: {} }, meta)).rejects.toBeInstanceOf(
      CommonException,
    );
  });
});
