import type { Core } from '@strapi/strapi';

// IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d.
const plain = (address: string): string => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client address every later middleware sees (`ctx.request.ip`: the auth rate limits, Strapi's
 * own limiters, the access log). X-Forwarded-For is believed only when the peer is one of
 * TRUSTED_PROXIES, and then only up to the first address a trusted proxy did not add: entries on
 * its left were written by the client and prove nothing. Koa's own `proxy` switch would believe
 * the header from anyone.
 */
export const clientAddress = (peer: string, forwardedFor: string | undefined, trusted: ReadonlySet<string>): string => {
  let client = plain(peer);
  if (!trusted.has(client) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  while (hops.length > 0 && trusted.has(client)) client = hops.pop() as string;
  return client;
};

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const trusted = new Set(strapi.config.get<string[]>('security.trustedProxies', []).map(plain));

  return async (ctx, next) => {
    ctx.request.ip = clientAddress(ctx.req.socket.remoteAddress ?? '', ctx.get('X-Forwarded-For') || undefined, trusted);
    return next();
  };
};

export default middleware;
