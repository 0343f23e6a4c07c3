// Stand-in for node:fs and node:path in the explorer's browser bundle (see build-explorer.mjs):
// the page never reads files, so any use is a bug and says so.
module.exports = new Proxy(
  {},
  {
    get(_target, name) {
      if (name === '__esModule') return false;
      return () => {
        throw new Error(`${String(name)} is not available in the explorer page (it reads no files)`);
      };
    },
  },
);
