/**
 * Lets the event loop serve what is waiting (health checks, static files, other requests) between
 * two slices of long work. On the embedded database each query runs on this thread: a loop of
 * queries without this would answer nobody until it ends.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
