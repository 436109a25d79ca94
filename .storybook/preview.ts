import type { Preview } from '@storybook/web-components-vite';
// The framework package re-exports @storybook/web-components (a dependency of it, not of ours).
import { setCustomElementsManifest } from '@storybook/web-components-vite';

/**
 * Controls come from the committed custom-elements manifest (`npm run analyze`). Read through a
 * glob so a checkout without the file, or with an empty one, still builds: the stories then show
 * only the controls they declare themselves.
 */
const manifestFiles = import.meta.glob<string>('../custom-elements.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

function readManifest(): unknown {
  const text = Object.values(manifestFiles)[0]?.trim();
  if (!text) {
    console.warn('custom-elements.json is missing or empty: run `npm run analyze` for the full controls.');
    return { schemaVersion: '1.0.0', modules: [] };
  }
  return JSON.parse(text);
}

setCustomElementsManifest(readManifest());

/**
 * The manifest types CSS custom properties and parts as `void`, which Storybook turns into no
 * control or a meaningless object control. Give each `--pv-*` property a text box (the stories
 * apply any `--*` arg as an inline style) and list parts without a control.
 */
type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];

const manifestControls: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const category = argType.table?.category;
      if (category === 'css custom properties' && argType.control === undefined) {
        return [name, { ...argType, control: { type: 'text' } }];
      }
      if (category === 'css shadow parts') return [name, { ...argType, control: false }];
      return [name, argType];
    }),
  );

const preview: Preview = {
  argTypesEnhancers: [manifestControls],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
