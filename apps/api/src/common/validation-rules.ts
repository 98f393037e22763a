import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

const KEPT = Symbol.for('congress.validationRulesKept');

/**
 * Keeps each DTO class's validation rules once they are looked up.
 *
 * class-validator finds a class's rules on every validation by testing every class it knows for
 * inheritance (typestack/class-validator#2686): with this api's few hundred DTOs, that was 31 MB
 * of garbage in the 10 s a hall of 2,000 casts, the largest item after the ballots themselves
 * (bench/README.md, "sixth round"). A class's rules are registered when it is defined, before
 * anything can validate it, so the answer for a class and the same options does not change; a
 * rule registered later (a class defined late, a schema) empties what was kept, so nothing stale
 * is ever answered. Installed once per process; class-validator only reads what it is given.
 */
export function keepValidationRules(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [KEPT]?: true };
  if (marked[KEPT]) return;
  marked[KEPT] = true;

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let kept = new WeakMap<object, Map<string, Rules>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // A value without a class (no constructor) is looked up as before.
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };

  // Every rule comes through here, a schema's too (addValidationSchema calls it).
  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    kept = new WeakMap();
    addRule(metadata);
  };
}
