/** The one pako function used here (pako ships no types; it is already part of the engine's image loader). */
declare module 'pako' {
  export function inflateRaw(data: Uint8Array): Uint8Array;
  const pako: { inflateRaw: typeof inflateRaw };
  export default pako;
}
