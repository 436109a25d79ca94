/**
 * Register a custom element unless the tag is already taken (the library loaded twice, say by a
 * script tag and a bundle). The first definition wins; the second load is harmless.
 */
export function defineOnce(tag: string, constructor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, constructor);
}
