/**
 * The mock target's worker thread: runs Prism's servers (servePrism) for the thread that started
 * it, so loading Prism's code and answering requests use a core of their own while the suite loads
 * documents, derives cases and checks answers. Told what to do by messages (see prismMessages.ts).
 */
import { parentPort } from 'node:worker_threads';
import { SuiteSetupError } from '../../failClosed.js';
import { loadPrism } from './loadPrism.js';
import { confineToLoopback } from './loopbackOnlyNetwork.js';
import type { FromWorker, ToWorker } from './prismMessages.js';
import { answerCrash, servePrism, type PrismServer } from './servePrism.js';

const port = parentPort;
if (!port) throw new Error('prismWorker.ts runs as a worker thread (startMockTarget starts it)');

// Before Prism is loaded: its dereferencer would fetch any $ref URL of a document, examples included.
confineToLoopback();

// An error Prism throws while answering a request and never catches fails that request only (a
// 500 naming it); any other one still ends the thread, which the starting thread reports.
process.on('uncaughtException', (error) => {
  if (!answerCrash(error)) throw error;
});

const servers = new Map<number, Promise<PrismServer>>();
const send = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'preload') {
    // A failed load is reported by the start that needs it; loadPrism does not cache a failure.
    loadPrism().catch(() => undefined);
  } else if (message.type === 'start') {
    const { id, document, log } = message;
    const starting = servePrism(document, log ? (line) => send({ type: 'log', id, line }) : undefined);
    servers.set(id, starting);
    starting.then(
      (server) => send({ type: 'started', id, baseUrl: server.baseUrl, blindSpots: server.blindSpots }),
      (error: unknown) => {
        servers.delete(id);
        const setup = error instanceof SuiteSetupError;
        send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error), setup });
      },
    );
  } else {
    const { id } = message;
    const starting = servers.get(id);
    servers.delete(id);
    (starting ?? Promise.reject(new Error('no such server')))
      .then((server) => server.stop())
      .then(
        () => send({ type: 'stopped', id }),
        () => send({ type: 'stopped', id }), // a start that failed has nothing to stop
      );
  }
});
