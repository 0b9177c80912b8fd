/**
 * Base64 for the API's UploadedFile bytes (useImport reads the files). Encoding goes through
 * String.fromCharCode in 32 KiB chunks: spreading a whole file into one call overflows the
 * stack for large files.
 */

const CHUNK = 0x8000;

/** Encodes bytes as base64 without building one huge argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(''));
}
