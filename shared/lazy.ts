/**
 * A value built on first use and shared after: how the functions defer SDK clients and heavy
 * modules (`import()`, a chunk of its own in the bundle) until a request needs them, instead of
 * paying for them in every cold start. A failed load is forgotten, so the next call tries again.
 */
export function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined
  return () => {
    if (!pending) {
      pending = load()
      pending.catch(() => {
        pending = undefined
      })
    }
    return pending
  }
}
