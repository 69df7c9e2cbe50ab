// An IdCrypto for writers that never seal or open an identity number (a selection writing posts, a demo writing
// grades): any call is a programming error and throws, naming the caller.
import type { IdCrypto } from './id-crypto.js';

export function noIdNumbers(who: string): IdCrypto {
  return new Proxy({} as IdCrypto, {
    get: () => () => {
      throw new Error(`${who} writes no identity numbers`);
    },
  });
}
