/**
 * The process `startPrism` spawns: it runs the Prism mock server in this very process (not as a
 * grandchild), so the pid the parent holds is Prism's own and killing it kills Prism.
 *
 * Usage: `node prismChild.js <document> <port> [host]` with a pipe on stdin.
 *
 * Lifetime: the parent holds the write end of our stdin and never writes to it. When the parent
 * exits – however it exits, SIGKILL included – the kernel closes that end and we read EOF, so we
 * exit too. Nothing else is needed to avoid orphaned mock servers.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const [documentFile, port, host = '127.0.0.1'] = process.argv.slice(2);
if (!documentFile || !port) {
  process.stderr.write('usage: prismChild <document> <port> [host]\n');
  process.exit(2);
}

// Exit as soon as the parent's end of the pipe goes away. `resume()` puts stdin in flowing mode so
// EOF is actually read (a paused stream never sees 'end').
const exitWithParent = (): never => process.exit(0);
process.stdin.on('end', exitWithParent);
process.stdin.on('close', exitWithParent);
process.stdin.on('error', exitWithParent);
process.stdin.resume();

const prismCli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

// What Prism's CLI (yargs) expects to find in process.argv. `--no-multiprocess` is explicit because
// Prism's default is `NODE_ENV === 'production'`, which would fork a cluster worker – a grandchild
// that would not see our stdin close.
process.argv = [
  process.execPath,
  prismCli,
  'mock',
  documentFile,
  '--port',
  port,
  '--host',
  host,
  '--no-multiprocess',
];

await import(pathToFileURL(prismCli).href);
