/**
 * One computation per key at a time in this process: requests that miss while the same answer is
 * being computed wait for it instead of computing it again (32 readers of a page that just
 * changed cost one computation, not 32). A waiter gives up after `timeoutMs` and computes on its
 * own; a computation that fails or gives no cacheable answer is not shared, each waiter then
 * computes its own (an error is never served as another request's answer).
 *
 * Each computation carries a stamp (what it had seen when it started); a waiter only joins one
 * whose stamp `covers` its own, so that nobody is given an answer older than what they asked after.
 */
export const createSingleFlight = <T, Stamp>(covers: (leader: Stamp, waiter: Stamp) => boolean) => {
  const running = new Map<string, { stamp: Stamp; answer: Promise<T | undefined> }>();

  return {
    /** The answer of a computation running for `key` that covers `stamp`, if it succeeds within `timeoutMs`. */
    async join(key: string, stamp: Stamp, timeoutMs: number): Promise<T | undefined> {
      const flight = running.get(key);
      if (!flight || !covers(flight.stamp, stamp)) return undefined;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), timeoutMs);
      });
      try {
        return await Promise.race([flight.answer, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },

    /**
     * Registers the computation of `key` (the newest one is the one joined) and returns the
     * function that ends it with its answer, or with nothing when it failed or is not to be shared.
     */
    lead(key: string, stamp: Stamp): (answer: T | undefined) => void {
      let settle!: (answer: T | undefined) => void;
      const flight = {
        stamp,
        answer: new Promise<T | undefined>((resolve) => {
          settle = resolve;
        }),
      };
      running.set(key, flight);
      return (answer) => {
        if (running.get(key) === flight) running.delete(key);
        settle(answer);
      };
    },
  };
};
