import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderStates } from '../../../src/core/providerStates/client.js';
import type { ProviderStateProtocol } from '../../../src/core/providerStates/protocol.js';

/** A protocol of two states whose data is never refused. */
const protocol = { states: () => ['switch', 'thing', 'key'], dataProblems: () => [], secretData: (_: string, state: string) => (state === 'key' ? ['apiKey'] : []) } as unknown as ProviderStateProtocol;
const received: { action: string; state: string; data?: unknown }[] = [];
let server: Server;
let url: string;

beforeAll(async () => {
  let n = 0;
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(text) as { action: string; state: string; data?: unknown };
      received.push(body);
      if (body.action === 'teardown' && body.state === 'thing') return void res.writeHead(500).end('no');
      const data = body.state === 'key' ? { id: ++n, apiKey: `scoped_key_${n}` } : { id: ++n };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/__states`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ProviderStates.teardown', () => {
  it('tears down the last set-up of one state now, with its data, and teardownAll leaves it alone', async () => {
    const states = new ProviderStates(url, 'api', protocol);
    await states.setup('switch');
    const second = await states.setup('switch');
    received.length = 0;
    await states.teardown('switch');
    expect(received).toMatchObject([{ action: 'teardown', state: 'switch', data: second }]);
    received.length = 0;
    expect(await states.teardownAll()).toEqual([]);
    expect(received).toHaveLength(1);
  });
  it('throws, saying why, for a state never set up or a teardown the target refuses', async () => {
    const states = new ProviderStates(url, 'api', protocol);
    await expect(states.teardown('switch')).rejects.toThrow("provider state 'switch' was not set up");
    await states.setup('thing');
    await expect(states.teardown('thing')).rejects.toThrow("provider state 'thing' teardown answered 500");
  });
});

describe('ProviderStates.setup', () => {
  it('tells onSecret each data member the protocol marks secret, before the data is handed over, and nothing for other states', async () => {
    const secrets: string[] = [];
    const states = new ProviderStates(url, 'api', protocol, { onSecret: (s) => secrets.push(s) });
    await states.setup('switch');
    expect(secrets).toEqual([]);
    const data = await states.setup<{ apiKey: string }>('key');
    expect(secrets).toEqual([data.apiKey]);
    await states.teardownAll();
  });
});
