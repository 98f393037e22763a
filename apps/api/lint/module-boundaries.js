// @ts-check
/**
 * ESLint rule `congress/module-boundaries`: a feature module of apps/api/src (auth, roster,
 * ballots, …) imports from another module only what that module's `index.ts` exports: its
 * Nest module, the services it exports, its enums, exceptions, decorators and types. Request
 * and response shapes under `dto/` are public too. Entities are exported as types at most, so
 * their tables stay private: no other module can query them (`getRepository(Delegate)`,
 * `@InjectRepository(Delegate)` need the class); it asks the owner's services instead.
 *
 * A public file may be imported directly (`../roster/seats.service.js`) or through the index:
 * direct imports keep the order in which ES modules load independent of the index files.
 * `common/` and `config/` are shared by all; `database/` (the entity list for the data source
 * and migrations) and tests are not checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const SHARED = new Set(['common', 'config']);
const UNCHECKED = new Set(['database']);

/** `{ name, inner }` for a file inside a module folder of apps/api/src, else null. */
function moduleOf(file) {
  const parts = path.relative(SRC, file).split(path.sep);
  if (parts[0] === '..' || path.isAbsolute(parts[0] ?? '') || parts.length < 2) return null;
  return {
    name: parts[0],
    inner: parts
      .slice(1)
      .join('/')
      .replace(/\.(js|ts)$/, ''),
  };
}

/** @typedef {'value' | 'type'} Kind */
/** @typedef {{ all: Kind | null, names: Map<string, Kind> }} Exported */

/** @type {Map<string, { mtimeMs: number, files: Map<string, Exported> }>} */
const manifests = new Map();

/** What `<module>/index.ts` re-exports, by file (path inside the module, without extension). */
function manifest(moduleName) {
  const file = path.join(SRC, moduleName, 'index.ts');
  let mtimeMs;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return new Map();
  }
  const cached = manifests.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.files;
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  /** @type {Map<string, Exported>} */
  const files = new Map();
  for (const st of source.statements) {
    if (!ts.isExportDeclaration(st) || !st.moduleSpecifier) continue;
    if (!ts.isStringLiteral(st.moduleSpecifier)) continue;
    const inner = path.posix.normalize(st.moduleSpecifier.text).replace(/\.(js|ts)$/, '');
    const entry = files.get(inner) ?? { all: null, names: new Map() };
    files.set(inner, entry);
    /** @type {(kind: Kind, was: Kind | null | undefined) => Kind} */
    const widen = (kind, was) => (was === 'value' ? 'value' : kind);
    if (!st.exportClause || ts.isNamespaceExport(st.exportClause)) {
      entry.all = widen(st.isTypeOnly ? 'type' : 'value', entry.all);
      continue;
    }
    for (const el of st.exportClause.elements) {
      const name = (el.propertyName ?? el.name).text;
      const kind = st.isTypeOnly || el.isTypeOnly ? 'type' : 'value';
      entry.names.set(name, widen(kind, entry.names.get(name)));
    }
  }
  manifests.set(file, { mtimeMs, files });
  return files;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "a module imports only what another module's index.ts exports" },
    schema: [],
    messages: {
      private:
        "'{{file}}' is private to the {{module}} module: import what {{module}}/index.ts exports, and ask its services for its data.",
      notExported:
        "'{{name}}' is not in the {{module}} module's public surface ({{module}}/index.ts).",
      typeOnly:
        "the {{module}} module exports '{{name}}' as a type only (its table stays private to it): use `import type`.",
    },
  },
  create(context) {
    const from = moduleOf(context.filename);
    if (!from || UNCHECKED.has(from.name)) return {};

    /**
     * @param {import('estree').Node} node
     * @param {unknown} source
     * @param {{ name: string, type: boolean }[] | null} names null: the whole file (namespace, side effect)
     */
    function check(node, source, names) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = moduleOf(path.resolve(path.dirname(context.filename), source));
      if (!to || to.name === from?.name || SHARED.has(to.name)) return;
      if (to.inner === 'index' || to.inner.startsWith('dto/')) return;
      const data = { module: to.name, file: `${to.name}/${to.inner}.ts` };
      const exported = manifest(to.name).get(to.inner);
      if (!exported) return context.report({ node, messageId: 'private', data });
      for (const { name, type } of names ?? [{ name: '*', type: false }]) {
        const kind = exported.names.get(name) ?? exported.all;
        if (!kind) context.report({ node, messageId: 'notExported', data: { ...data, name } });
        else if (kind === 'type' && !type)
          context.report({ node, messageId: 'typeOnly', data: { ...data, name } });
      }
    }

    /** @param {any} node an import or export declaration (typescript-eslint adds importKind / exportKind) */
    function specifiers(node) {
      const wholeType = node.importKind === 'type' || node.exportKind === 'type';
      /** @type {{ name: string, type: boolean }[]} */
      const names = [];
      for (const s of node.specifiers ?? []) {
        if (s.type === 'ImportNamespaceSpecifier') return null;
        if (s.type === 'ImportDefaultSpecifier') names.push({ name: 'default', type: wholeType });
        else {
          const imported = s.type === 'ImportSpecifier' ? s.imported : s.local;
          const name = imported.type === 'Identifier' ? imported.name : String(imported.value);
          names.push({
            name,
            type: wholeType || s.importKind === 'type' || s.exportKind === 'type',
          });
        }
      }
      return names.length ? names : null;
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, specifiers(node)),
      ExportNamedDeclaration: (node) =>
        node.source && check(node, node.source.value, specifiers(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, null),
      ImportExpression: (node) =>
        node.source.type === 'Literal' && check(node, node.source.value, null),
    };
  },
};

export default { meta: { name: 'congress' }, rules: { 'module-boundaries': rule } };
