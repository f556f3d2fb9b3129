import { it } from 'vitest';
import * as hostile from '../fixtures/conformance/hostileServers.js';
import { runConformance } from '../support/runConformance.js';
it('dbg', async () => {
  for (const start of [hostile.cutMidway, hostile.echoesTheKey, () => hostile.redirectsTo(() => 'http://198.51.100.1/')]) {
    const s = await start();
    const r = await runConformance(['--api', 'hoko', '--target', `hoko=${s.baseUrl}`, '--state-url', `${s.baseUrl}/states`, '--timeout', '1', '--max-body', '1'], { HOKO_API_KEY: `sk_live_&<>"'_SECRETSECRET` });
    console.log(r.code, r.stderr, r.stdout.slice(0, 3000));
    await s.close();
  }
}, 60000);
