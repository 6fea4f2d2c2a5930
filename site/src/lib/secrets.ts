import { createHash, timingSafeEqual } from 'crypto';

/** Compares a presented secret with the configured one without leaking, through timing, how much matched. */
export const sameSecret = (presented: string | null | undefined, expected: string | undefined): boolean => {
  if (!presented || !expected) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
};
