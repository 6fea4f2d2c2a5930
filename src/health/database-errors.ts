// Errors that mean "the database cannot be reached right now", not "this query is wrong":
// refused/reset connections, PostgreSQL shutting down or starting (SQLSTATE class 08 and 57P0x),
// too many connections, and knex giving up waiting for a pooled connection.
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up / shutting down)
  '53300', // too_many_connections
]);
const MESSAGES = [
  /Knex: Timeout acquiring a connection/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /connection timeout/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /Client was closed and is not queryable/i,
];

/** Whether the error (or one it wraps) says the database is unreachable. */
export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, name, message, cause, errors } = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (CODES.has(code) || code.startsWith('08'))) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
};

/**
 * Errors that follow from an outage but could also be a bug: knex refuses further queries in a
 * transaction whose connection died. Only an outage if the database does not answer a check.
 */
export const mayFollowDatabaseOutage = (error: unknown): boolean =>
  error instanceof Error && /Transaction query already complete/i.test(error.message);
