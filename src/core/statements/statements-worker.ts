// Worker entry: reads one statement file (read-sheets.ts: decoding, CSV records or the xlsx
// workbook through exceljs) and serves its rows in batches to the importing thread, which checks
// and stores them (batch-channel.ts: back-pressure, so memory stays a few batches). It never
// touches the store. It exits by itself after the last batch; the importing thread terminates
// it when it stops early.
import { workerSide } from '../worker/worker-side';
import { serveBatches } from '../import/batch-channel';
import { sheetRowBatches } from './read-sheets';

const { port, init } = workerSide<{ readonly file: string }>('statements-worker');
void serveBatches(port, sheetRowBatches(init.file));
