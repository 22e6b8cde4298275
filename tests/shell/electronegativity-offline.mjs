// Preloaded (`node --import`) into Electronegativity's CLI by electronegativity.test.ts: replaces `got`, its only HTTP
// client, with one that fails at once. Electronegativity 1.10.3 fetches translations on every start (a 1 s request
// whose retry timer throws an uncaught p-cancelable error and kills the process on a closed network) and Electron's
// release list (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, excluded by the test); both fall back to their offline
// behaviour when the request fails: the bundled en-US messages.
import Module from 'node:module';

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') {
    const offline = () =>
      Promise.reject(new Error('offline: Electronegativity runs without the network here'));
    offline.get = offline;
    offline.head = offline;
    return offline;
  }
  return load.call(this, request, parent, isMain);
};
