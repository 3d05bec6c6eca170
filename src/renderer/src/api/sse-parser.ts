// Incremental Server-Sent Events parser (the subset `casegraph serve` uses: `data:` lines,
// comments, blank-line dispatch). We read the stream with fetch rather than EventSource
// because EventSource cannot send the X-Casegraph header every request must carry.

export class SseParser {
  private buffer = '';
  private data: string[] = [];
  /** A '\r' ended the last chunk; a '\n' starting the next one belongs to it. */
  private pendingCr = false;

  /** Feed decoded text; returns the data payloads of the events it completed. */
  push(chunk: string): string[] {
    let text = chunk;
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = text.endsWith('\r');
    this.buffer += text;

    const events: string[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (this.data.length > 0) events.push(this.data.join('\n'));
        this.data = [];
      } else if (line.startsWith('data:')) {
        const value = line.slice(5);
        this.data.push(value.startsWith(' ') ? value.slice(1) : value);
      }
      // Comments (':keep-alive') and other fields (event, id, retry) carry nothing we use.
    }
    return events;
  }
}
