// Chooses the transport once, at start: the Electron preload exposes `window.casegraph`;
// without it we are a page served by `casegraph serve` and talk HTTP to our own origin.

import type { ApiClient } from '../../../common/api';
import { createElectronClient } from './electron-client';
import { createHttpClient } from './http-client';

export function createApiClient(): ApiClient {
  const bridge = window.casegraph;
  return bridge ? createElectronClient(bridge) : createHttpClient();
}
