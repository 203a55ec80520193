/**
 * A function that gives the promise `load()` made on its first call, and the
 * same promise after; a load that fails is forgotten, so the next call tries again.
 */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    if (value === undefined) {
      const loading = load();
      value = loading;
      loading.catch(() => {
        value = undefined;
      });
    }
    return value;
  };
}

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

/**
 * `make()` for `key`, kept in `cache` among the last `limit` keys made (the
 * oldest go first): for work a watch session repeats with mostly the same
 * inputs. A promise that fails is forgotten, so the next call tries again.
 */
export function recentByKey<T>(
  cache: Map<string, T>,
  key: string,
  limit: number,
  make: () => T,
): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  if (value instanceof Promise) value.catch(() => cache.delete(key));
  for (const old of cache.keys()) {
    if (cache.size <= limit) break;
    cache.delete(old);
  }
  return value;
}
