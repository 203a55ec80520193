/**
 * The promise `load` gives for `key`, made once and kept in `cache`; a load
 * that fails is forgotten, so the next call tries again.
 */
export function onceByKey<T>(
  cache: Map<string, Promise<T>>,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let value = cache.get(key);
  if (value === undefined) {
    value = load();
    cache.set(key, value);
    value.catch(() => cache.delete(key));
  }
  return value;
}
