import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../src/renderer/src/api/sse-parser';

describe('SSE parser', () => {
  it('emits one payload per blank-line-terminated event', () => {
    const parser = new SseParser();
    expect(parser.push(': connected\n\ndata: {"type":"store.changed"}\n\n')).toEqual(['{"type":"store.changed"}']);
  });

  it('joins events split across chunks and CRLF line ends', () => {
    const parser = new SseParser();
    expect(parser.push('data: {"a"')).toEqual([]);
    expect(parser.push(':1}\r')).toEqual([]);
    expect(parser.push('\n\r\ndata:x\n\n')).toEqual(['{"a":1}', 'x']);
  });

  it('joins multi-line data with newlines and ignores other fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: ping\nid: 3\ndata: one\ndata: two\n\n')).toEqual(['one\ntwo']);
  });
});
