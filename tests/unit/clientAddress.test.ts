import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AddressCounter, clientAddress } from '../../server/http/clientAddress.ts';

const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the client address behind proxies', () => {
  it('is the socket peer unless that is a trusted proxy', () => {
    expect(clientAddress(request('::ffff:10.0.0.7', '1.2.3.4'), [])).toBe('10.0.0.7');
    expect(clientAddress(request('127.0.0.1', '1.2.3.4'), ['127.0.0.1'])).toBe('1.2.3.4');
  });

  it('is the nearest forwarded hop that is not a trusted proxy, with ports and brackets taken off', () => {
    const trusted = ['127.0.0.1', '10.0.0.2'];
    expect(clientAddress(request('127.0.0.1', 'spoofed, 198.51.100.7, 10.0.0.2'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(request('127.0.0.1', '198.51.100.7:51234'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(request('127.0.0.1', '[2001:db8::1]:443'), trusted)).toBe('2001:db8::1');
    // Junk ends the walk at the last hop that could be read.
    expect(clientAddress(request('127.0.0.1', 'junk, 10.0.0.2'), trusted)).toBe('10.0.0.2');
  });

  it('counts sockets per address under a cap', () => {
    const counter = new AddressCounter(2);
    expect([counter.take('a'), counter.take('a'), counter.take('a'), counter.take('b')]).toEqual([true, true, false, true]);
    counter.release('a');
    expect(counter.held('a')).toBe(1);
    expect(counter.take('a')).toBe(true);
  });
});
