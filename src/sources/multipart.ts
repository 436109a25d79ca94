/**
 * Reading a DICOMweb `multipart/related` answer (PS3.18 8.6.1.3.2), as WADO-RS sends an instance:
 * the first part's bytes (and its type: a frame says its transfer syntax). Shared by the study list's drawn small pictures (src/study/drawn-thumb.ts)
 * and the editor's drafts from the PACS (src/controllers/pacs-drafts-controller.ts).
 */

/** Where `needle` starts in `bytes` from `from`, or -1. */
function find(bytes: Uint8Array, needle: ArrayLike<number>, from: number): number {
  outer: for (let i = from; i <= bytes.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * The first part of a `multipart/related` answer (PS3.18 8.6.1.3.2), and its Content-Type: after the
 * first boundary line and the part's headers, up to the next boundary. Bytes that do not start with
 * a boundary (a server that sent the body itself) come back as they are, with no type.
 */
export function readPart(bytes: Uint8Array): { body: Uint8Array; type?: string | undefined } {
  if (bytes[0] !== 0x2d || bytes[1] !== 0x2d) return { body: bytes };
  const lineEnd = find(bytes, [13, 10], 0);
  const headersEnd = lineEnd < 0 ? -1 : find(bytes, [13, 10, 13, 10], lineEnd);
  if (headersEnd < 0) return { body: new Uint8Array(0) };
  const start = headersEnd + 4;
  const end = find(bytes, [13, 10, ...bytes.subarray(0, lineEnd)], start);
  const headers = new TextDecoder('latin1').decode(bytes.subarray(lineEnd + 2, headersEnd));
  const type = /^content-type:\s*(.*)$/im.exec(headers)?.[1]?.trim();
  return { body: bytes.subarray(start, end < 0 ? bytes.length : end), type };
}

/** The first part's body of a `multipart/related` answer (see {@link readPart}). */
export function firstPart(bytes: Uint8Array): Uint8Array {
  return readPart(bytes).body;
}
