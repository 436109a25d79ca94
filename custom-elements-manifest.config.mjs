/**
 * Settings for `cem analyze`. The globs live in package.json's `analyze` script, which
 * scripts/check-manifest.mjs also runs (into a temporary folder) to catch drift.
 *
 * - `packagejson: false`: the analyzer must never rewrite package.json (its `customElements` field is
 *   set by hand, and a run into a temporary folder would point it there).
 * - The plugin drops `#private` members (implementation detail, not API) and events not named `pv-*`
 *   (guesses from dispatchEvent calls), and points module paths at
 *   the published JavaScript (`dist/…/*.js`), which is what a consumer of the npm package has.
 */
const toPublished = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
const publicApiOnly = {
  name: 'pv-public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    // The analyzer reads files in parallel, so its module order varies run to run: sort by path,
    // or the drift check would fail at random.
    customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const mod of customElementsManifest.modules ?? []) {
      mod.path = toPublished(mod.path);
      for (const declaration of mod.declarations ?? []) {
        // Public events are documented with @event and named pv-*; the analyzer also guesses names
        // from `dispatchEvent(new SomeEvent(arg))` calls, which gives nonsense such as "all".
        if (declaration.events) {
          declaration.events = declaration.events.filter((event) => typeof event.name === 'string' && event.name.startsWith('pv-'));
        }
        if (declaration.members) {
          declaration.members = declaration.members.filter(
            (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
          );
        }
      }
      for (const exp of mod.exports ?? []) {
        if (exp.declaration?.module) exp.declaration.module = toPublished(exp.declaration.module);
      }
    }
  },
};

export default {
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly],
};
