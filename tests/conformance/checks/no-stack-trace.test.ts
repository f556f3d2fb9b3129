import { describe, expect, it } from 'vitest';
import { response, rules } from './inlineDocument.js';

const node = 'Error: boom\n    at handle (/srv/app/server.js:42:11)\n    at Server.emit (node:events:517:28)';

describe('no-stack-trace', () => {
  it('fails a JSON error whose field holds a JavaScript stack trace', () => {
    expect(rules(response(400, { error: { message: 'boom', stack: node } }))).toEqual(['no-stack-trace']);
  });
  it('fails Python, Java and Go traces in a text body, whatever the status', () => {
    const text = (body: string) => ({ status: 200, headers: { 'content-type': 'text/plain' }, bodyText: body });
    expect(rules(text('Traceback (most recent call last):\n  File "app.py", line 3, in <module>'))).toContain('no-stack-trace');
    expect(rules(text('java.lang.NullPointerException\n\tat com.acme.Notes.get(Notes.java:42)\n\tat com.acme.Router.route(Router.java:7)'))).toContain('no-stack-trace');
    expect(rules(text('goroutine 1 [running]:\nmain.main()'))).toContain('no-stack-trace');
  });
  it('fails .NET, Ruby and PHP traces in a text body', () => {
    const text = (body: string) => ({ status: 500, headers: { 'content-type': 'text/plain' }, bodyText: body });
    expect(rules(text('System.Exception: boom\r\n   at Acme.Notes.Get(Int32 id) in C:\\src\\Notes.cs:line 42'))).toContain('no-stack-trace');
    expect(rules(text("app/notes.rb:42:in `get'\napp/router.rb:7:in `route'"))).toContain('no-stack-trace');
    expect(rules(text('#0 /srv/app/Notes.php(42): Notes->get()'))).toContain('no-stack-trace');
  });
  it('reads a hostile answer in one pass: a million line breaks, or one line of ") in " repeated, is no trace', () => {
    // `^\s*at …` under the m flag was tried again from every line break, and `\(.*\) in .+:line`
    // from every ") in ": quadratic, so a 10 MB answer of either held a run for hours past --timeout.
    const text = (body: string) => ({ status: 500, headers: { 'content-type': 'text/plain' }, bodyText: body });
    expect(rules(text('\n'.repeat(1_000_000)))).not.toContain('no-stack-trace');
    expect(rules(text(` \n`.repeat(500_000)))).not.toContain('no-stack-trace');
    expect(rules(text(`at a(${') in '.repeat(200_000)}`))).not.toContain('no-stack-trace');
  });
  it('passes a body with one line that merely looks like a frame, and any body from a mock', () => {
    expect(rules(response(200, { id: 'at noon (see 10:30:00)', count: 1 }))).toEqual([]);
    expect(rules(response(400, { error: { stack: node } }), { target: 'mock' })).toEqual([]);
  });
  it('finds a trace at the bottom of a body nested 100,000 deep (valid JSON), in a 400', () => {
    const deep = `{"error":${'{"a":'.repeat(100_000)}${JSON.stringify(node)}${'}'.repeat(100_000)}}`;
    expect(rules({ status: 400, headers: { 'content-type': 'application/json' }, bodyText: deep })).toContain('no-stack-trace');
  });
});
