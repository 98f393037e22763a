// The repository explains itself: every relative link in its Markdown leads to a file that is
// there (and, for a Markdown target, to a heading that is there), and no file points to
// documents that only the project's engineers have outside the repository (docs/ replaces them).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, walkTokens } from 'marked';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Tracked files plus new ones not ignored, as repository paths with `/`. */
const files = execFileSync(
  'git',
  ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
  {
    cwd: root,
    encoding: 'utf8',
  },
)
  .split('\0')
  .filter((f) => f && existsSync(join(root, f)));
const fileSet = new Set(files);
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/**
 * References that must not appear anywhere. The patterns are written with escapes so that this
 * file does not match them itself; a page named like `ballot-design.md` is allowed.
 */
const FORBIDDEN: {
  what: string;
  pattern: RegExp;
  counts?: (file: string, line: string) => boolean;
}[] = [
  {
    what: 'the engineers’ shared folder',
    pattern: /(?:\.\.\/|\/work\/)shared\b/,
    counts: leavesRepository,
  },
  { what: 'the external rules document', pattern: /(?<![\w-])domain\.md\b/ },
  { what: 'the external design document', pattern: /(?<![\w-])design\.md\b/ },
];

/**
 * Whether a line's `…/shared` points outside the repository: an absolute one always does; a
 * relative one when it climbs above the repository's root from the file's folder (the web app's
 * own `apps/web/src/shared/` is inside it).
 */
function leavesRepository(file: string, line: string): boolean {
  if (/\/work\/shared\b/.test(line)) return true;
  return [...line.matchAll(/(?:\.\.\/)+shared\b/g)].some((m) =>
    posix.join(posix.dirname(file), m[0]).startsWith('..'),
  );
}

/** `file:line: text` for each line of each file that matches (and `counts`, if given). */
function mentions(
  pattern: RegExp,
  paths: string[],
  text: (f: string) => string,
  counts: (file: string, line: string) => boolean = () => true,
): string[] {
  return paths.flatMap((f) =>
    text(f)
      .split('\n')
      .flatMap((line, i) =>
        pattern.test(line) && counts(f, line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

/** Plain text of inline tokens, as GitHub renders a heading before it makes the anchor. */
function plain(tokens: Token[]): string {
  return tokens
    .map((t) => ('tokens' in t && t.tokens ? plain(t.tokens) : 'text' in t ? String(t.text) : ''))
    .join('');
}

/** The anchors GitHub gives a Markdown file's headings (repeated headings get -1, -2, …). */
function anchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const out = new Set<string>();
  walkTokens(Lexer.lex(markdown), (t) => {
    if (t.type === 'heading') out.add(slugger.slug(plain(t.tokens ?? [])));
  });
  return out;
}

/** The targets of a Markdown text's links and images (not those inside code). */
function hrefsOf(markdown: string): string[] {
  const hrefs: string[] = [];
  walkTokens(Lexer.lex(markdown), (t) => {
    if (t.type === 'link' || t.type === 'image') hrefs.push(t.href);
  });
  return hrefs;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Every relative link or image of a Markdown file that does not resolve: to a file or folder
 * of the repository, and to a heading when it names one in a Markdown file.
 */
function brokenLinks(
  file: string,
  markdown: string,
  exists: (path: string) => boolean,
  readTarget: (path: string) => string,
): string[] {
  return hrefsOf(markdown).flatMap((href) => {
    if (SCHEME.test(href)) return [];
    const [rawPath = '', anchor] = href.split('#');
    const path = decodeURIComponent(rawPath);
    const target = path ? posix.normalize(posix.join(posix.dirname(file), path)) : file;
    if (target.startsWith('../') || target === '..')
      return [`${file}: ${href} leaves the repository`];
    const clean = target.replace(/\/$/, '');
    if (!exists(clean)) return [`${file}: ${href} (no ${clean})`];
    if (anchor && clean.endsWith('.md') && !anchors(readTarget(clean)).has(anchor))
      return [`${file}: ${href} (no heading #${anchor} in ${clean})`];
    return [];
  });
}

const inRepository = (path: string) =>
  fileSet.has(path) || files.some((f) => f.startsWith(`${path}/`));

describe('the repository explains itself', () => {
  it('sees the repository’s files', () => {
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'package.json']));
  });

  it.each(FORBIDDEN)('no file refers to $what', ({ pattern, counts }) => {
    expect(mentions(pattern, files, read, counts)).toEqual([]);
  });

  it('would notice such a reference', () => {
    // Assembled here so that this file does not hold the strings it forbids.
    const shared = `..${'/'}shared/x`;
    const rules = `${'domain'}.md`;
    const sample = (f: string) =>
      ({
        'a.md': `see ${shared}`,
        'b.ts': `// rules in ${rules}`,
        'c.md': 'docs/ballot-design.md',
        'apps/web/src/areas/x.ts': `import { unwrap } from '..${'/'}..${'/'}shared/api.js';`,
      })[f]!;
    const hits = FORBIDDEN.flatMap(({ pattern, counts }) =>
      mentions(pattern, ['a.md', 'b.ts', 'c.md', 'apps/web/src/areas/x.ts'], sample, counts),
    );
    expect(hits).toEqual([`a.md:1: see ${shared}`, `b.ts:1: // rules in ${rules}`]);
  });

  it('every relative link in the Markdown files resolves', () => {
    const markdown = files.filter((f) => f.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(5);
    expect(markdown.flatMap((f) => brokenLinks(f, read(f), inRepository, read))).toEqual([]);
  });

  it('would notice a broken link or anchor', () => {
    const repo: Record<string, string> = {
      'docs/a.md': '# Title\n\n## Known gaps (open)\n',
      'docs/b.md': [
        '[ok](a.md#known-gaps-open) [same](#here) [web](https://example.org/x.md)',
        '[gone](missing.md) [bad anchor](a.md#nowhere) [out](../../elsewhere/x.md)',
        '',
        '## Here',
        '',
        '```',
        '[in code](not-checked.md)',
        '```',
      ].join('\n'),
    };
    expect(
      brokenLinks(
        'docs/b.md',
        repo['docs/b.md']!,
        (p) => p in repo,
        (p) => repo[p]!,
      ),
    ).toEqual([
      'docs/b.md: missing.md (no docs/missing.md)',
      'docs/b.md: a.md#nowhere (no heading #nowhere in docs/a.md)',
      'docs/b.md: ../../elsewhere/x.md leaves the repository',
    ]);
  });

  it('the README leads to docs/, and docs/README.md lists every page', () => {
    expect(hrefsOf(read('README.md'))).toContain('docs/README.md');
    const pages = files
      .filter((f) => /^docs\/[^/]+\.md$/.test(f) && f !== 'docs/README.md')
      .map((f) => f.slice('docs/'.length));
    expect(pages.length).toBeGreaterThan(0);
    expect(hrefsOf(read('docs/README.md'))).toEqual(expect.arrayContaining(pages));
  });
});
