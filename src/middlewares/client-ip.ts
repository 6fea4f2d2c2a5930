import proxyAddr from 'proxy-addr';
import type { Core } from '@strapi/strapi';

// IPv4 peers of a dual-stack socket appear as ::ffff:a.b.c.d.
const plain = (address: string): string => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export type Trust = (address: string) => boolean;

/**
 * TRUSTED_PROXIES as Express reads its `trust proxy` list (proxy-addr): addresses, CIDR ranges
 * and the names loopback, linklocal, uniquelocal; IPv4 ranges also match IPv4-mapped IPv6 peers.
 * A wrong entry stops the start, naming it.
 */
export const trustedProxies = (entries: string[]): Trust => {
  try {
    const trust = proxyAddr.compile(entries);
    return (address) => trust(address, 0);
  } catch (error) {
    throw new Error(`TRUSTED_PROXIES: ${(error as Error).message} (expected addresses, CIDR ranges, loopback, linklocal or uniquelocal)`);
  }
};

/**
 * The client address every later middleware sees (`ctx.request.ip`: the auth rate limits, Strapi's
 * own limiters, the access log). X-Forwarded-For is believed only when the peer is a trusted
 * proxy, and then only up to the first address a trusted proxy did not add: entries on its left
 * were written by the client and prove nothing. Koa's own `proxy` switch would believe the header
 * from anyone.
 */
export const clientAddress = (peer: string, forwardedFor: string | undefined, trusted: Trust): string => {
  let client = plain(peer);
  if (!forwardedFor || !trusted(client)) return client;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  while (hops.length > 0 && trusted(client)) client = hops.pop() as string;
  return client;
};

const middleware: Core.MiddlewareFactory = (_config, { strapi }) => {
  const trusted = trustedProxies(strapi.config.get<string[]>('security.trustedProxies', []));

  return async (ctx, next) => {
    ctx.request.ip = clientAddress(ctx.req.socket.remoteAddress ?? '', ctx.get('X-Forwarded-For') || undefined, trusted);
    return next();
  };
};

export default middleware;
