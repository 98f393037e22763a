import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import congress from './module-boundaries.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const linter = new Linter({ configType: 'flat' });

/** The rule's messages for `code` as if it were the file `file` of apps/api/src (real index.ts files). */
function lint(file: string, code: string): string[] {
  return linter
    .verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser as Linter.Parser },
          plugins: { congress },
          rules: { 'congress/module-boundaries': 'error' },
        },
      ],
      { filename: path.join(SRC, file) },
    )
    .map((m) => m.message);
}

describe('congress/module-boundaries', () => {
  it("refuses another module's entity class: its table is the owner's", () => {
    expect(
      lint('attendance/x.ts', "import { Delegate } from '../roster/delegate.entity.js';"),
    ).toEqual([
      "the roster module exports 'Delegate' as a type only (its table stays private to it): use `import type`.",
    ]);
    expect(
      lint('agenda/dto/x.ts', "import { type Delegate } from '../../roster/delegate.entity.js';"),
    ).toEqual([]);
    expect(lint('ballots/x.ts', "import type { Delegate } from '../roster/index.js';")).toEqual([]);
  });

  it("refuses files and names the owner's index.ts does not export", () => {
    expect(
      lint('proposals/x.ts', "import { LoginCode } from '../roster/login-code.entity.js';"),
    ).toEqual([
      "'roster/login-code.entity.ts' is private to the roster module: import what roster/index.ts exports, and ask its services for its data.",
    ]);
    expect(
      lint('ballots/x.ts', "import { DelegatesService } from '../roster/delegates.service.js';"),
    ).toHaveLength(1);
    expect(
      lint('ballots/x.ts', "import { SERVING_VOTER } from '../roster/seat-rules.js';"),
    ).toEqual(["'SERVING_VOTER' is not in the roster module's public surface (roster/index.ts)."]);
    expect(lint('ballots/x.ts', "export * from '../roster/seat-rules.js';")).toHaveLength(1);
  });

  it('lets a module use what others export, and its own files freely', () => {
    const ok = [
      "import { SeatsService } from '../roster/seats.service.js';",
      "import { servingVoterSql } from '../roster/seat-rules.js';",
      "import { RosterKind, SeatsService } from '../roster/index.js';",
      "import { Roles } from '../auth/decorators/roles.decorator.js';",
      "import { UserResponse } from '../users/dto/users.responses.js';",
      "import { Clock } from '../common/clock.js';",
      "import { Delegate } from './delegate.entity.js';",
    ];
    expect(lint('roster/x.ts', ok.join('\n'))).toEqual([]);
  });

  it('does not check the database bootstrap, which lists every entity', () => {
    expect(
      lint('database/entities.ts', "import { Delegate } from '../roster/delegate.entity.js';"),
    ).toEqual([]);
  });
});
