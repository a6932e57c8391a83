import 'server-only';
import { getMasterKey } from './crypto/master-key';
import { maxUploadBytes } from './limits';
import { getFileStore } from './store/configured';
import type { FilesDeps } from './upload';

/** The configured store, master key and size limit, for the route handlers and commands. */
export function getFilesDeps(): FilesDeps {
  return { store: getFileStore(), masterKey: getMasterKey(), maxBytes: maxUploadBytes() };
}
