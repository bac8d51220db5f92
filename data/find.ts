/**
 * The item of `list` whose key is `key`; throws, naming the key and the keys
 * there are, when none has it, so that a typo in a slide's props fails where
 * it is made.
 */
export function findByKey<T>(list: readonly T[], key: string, keyOf: (item: T) => string, what: string): T {
  const found = list.find(item => keyOf(item) === key)
  if (!found)
    throw new Error(`Unknown ${what} "${key}": use one of ${list.map(keyOf).join(', ')}.`)
  return found
}
