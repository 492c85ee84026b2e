import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { AddressCounter, capGroup, clientAddress } from '../../server/http/clientAddress.ts';

const request = (remoteAddress: string, forwarded?: string) =>
  ({ socket: { remoteAddress }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage;

describe('the client address behind proxies', () => {
  it('is the socket peer unless that is a trusted proxy', () => {
    expect(clientAddress(request('::ffff:10.0.0.7', '1.2.3.4'), [])).toBe('10.0.0.7');
    // However an IPv4-mapped address is written, it is the IPv4 client (and counts as that).
    expect(clientAddress(request('0:0:0:0:0:FFFF:10.0.0.7', ''), [])).toBe('10.0.0.7');
    expect(clientAddress(request('127.0.0.1', '::ffff:a00:7'), ['127.0.0.1'])).toBe('10.0.0.7');
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

  it('counts an IPv6 client by its /64 network, however the address is written', () => {
    expect(capGroup('198.51.100.7')).toBe('198.51.100.7');
    expect(capGroup('2001:db8:0:7::1')).toBe('2001:db8:0:7::/64');
    expect(capGroup('2001:0db8:0000:0007:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:0:7::/64');
    expect(capGroup('2001:db8::7:0:0:0:1')).toBe('2001:db8:0:7::/64');
    expect(capGroup('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(capGroup('::1')).toBe('0:0:0:0::/64');
    expect(capGroup('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(capGroup('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64');
    expect(capGroup('1:2:3:4:5:6:192.0.2.1')).toBe('1:2:3:4::/64');
    const counter = new AddressCounter(2);
    expect([counter.take('2001:db8:0:7::1'), counter.take('2001:db8:0:7::2'), counter.take('2001:db8:0:7:ffff::9')]).toEqual([true, true, false]);
    expect(counter.take('2001:db8:0:8::1')).toBe(true); // the next /64 is another line
    counter.release('2001:db8:0:7::2');
    expect(counter.held('2001:db8:0:7::abcd')).toBe(1);
  });
});
