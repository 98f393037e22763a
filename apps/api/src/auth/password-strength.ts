/**
 * How guessable a new password is, by zxcvbn-ts (Dropbox's estimator: common-password and
 * word lists, keyboard walks, repeats, sequences, dates). A password must need at least 10^8
 * guesses (zxcvbn's score 3, "safely unguessable"): `password`, `12345678`, `aaaaaaaa` and
 * `Passw0rd!` do not; `my-tablet-pass` does.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { registerDecorator, type ValidationArguments } from 'class-validator';

export const MIN_SCORE = 3;

let zxcvbn: ZxcvbnFactory | undefined;

/** zxcvbn's score (0 to 4); `related` are words of the account (username, name) that do not count as secret. */
export function passwordScore(password: string, related: string[] = []): 0 | 1 | 2 | 3 | 4 {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return zxcvbn.check(password, related.filter(Boolean)).score;
}

/**
 * The account's own words in the object being validated: CreateUserDto has a username and a
 * display name, CreateEmployeeDto a 工号 and a name.
 */
function relatedWords(args: ValidationArguments): string[] {
  const o = args.object as Record<string, unknown>;
  return [o.username, o.displayName, o.employeeNumber, o.name].filter(
    (v): v is string => typeof v === 'string',
  );
}

export function IsStrongPassword(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isStrongPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message:
          '密码太容易被猜到（常见密码、重复或连续的字符、键盘顺序、与用户名相近），请用更长、更少见的词组',
      },
      validator: {
        validate: (v: unknown, args: ValidationArguments) =>
          typeof v === 'string' && passwordScore(v, relatedWords(args)) >= MIN_SCORE,
      },
    });
}
