/**
 * One computation per key at a time in this process: requests that miss while the same answer is
 * being computed wait for it instead of computing it again (32 readers of a page that just
 * changed cost one computation, not 32). A waiter gives up after `timeoutMs` and computes on its
 * own; a computation that fails or gives no cacheable answer is not shared, each waiter then
 * computes its own (an error is never served as another request's answer).
 */
export const createSingleFlight = <T>() => {
  const running = new Map<string, Promise<T | undefined>>();

  return {
    /** The answer of the computation running for `key`, if there is one and it succeeds within `timeoutMs`. */
    async join(key: string, timeoutMs: number): Promise<T | undefined> {
      const flight = running.get(key);
      if (!flight) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      });
      try {
        return await Promise.race([flight, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    /**
     * Registers the computation of `key` (unless one already runs) and returns the function that
     * ends it with its answer, or with nothing when it failed or is not to be shared.
     */
    lead(key: string): (answer: T | undefined) => void {
      if (running.has(key)) return () => undefined;
      let settle!: (answer: T | undefined) => void;
      const flight = new Promise<T | undefined>((resolve) => {
        settle = resolve;
      });
      running.set(key, flight);
      return (answer) => {
        if (running.get(key) === flight) running.delete(key);
        settle(answer);
      };
    },
  };
};
