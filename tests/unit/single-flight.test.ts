import { createSingleFlight } from '../../src/cache/single-flight';

/** One computation per key (cache/single-flight.ts). */
describe('single flight', () => {
  const flights = () => createSingleFlight<string, number>((leader, waiter) => leader >= waiter);

  it('a waiter gets the answer of the computation running for its key', async () => {
    const flight = flights();
    const end = flight.lead('/a', 1);
    const waiting = flight.join('/a', 1, 1000);
    end('answer');
    await expect(waiting).resolves.toBe('answer');
  });

  it('nothing to join for another key, or for a computation older than what the waiter has seen', async () => {
    const flight = flights();
    flight.lead('/a', 1);
    await expect(flight.join('/b', 1, 1000)).resolves.toBeUndefined();
    await expect(flight.join('/a', 2, 1000)).resolves.toBeUndefined();
  });

  it('a failed computation is not shared, and a waiter gives up after its timeout', async () => {
    const flight = flights();
    const end = flight.lead('/a', 1);
    const waiting = flight.join('/a', 1, 1000);
    end(undefined);
    await expect(waiting).resolves.toBeUndefined();
    flight.lead('/slow', 1);
    await expect(flight.join('/slow', 1, 20)).resolves.toBeUndefined();
  });

  it('an ended computation is no longer joined', async () => {
    const flight = flights();
    flight.lead('/a', 1)('done');
    await expect(flight.join('/a', 1, 1000)).resolves.toBeUndefined();
  });
});
