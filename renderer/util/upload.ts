/**
 * Turns browser File objects (picker or drop) into the API's UploadedFile (name + base64
 * bytes). Encoding goes through String.fromCharCode in 32 KiB chunks: spreading a whole
 * file into one call overflows the stack for large files.
 */
import type { UploadedFile } from '../../shared/api';

const CHUNK = 0x8000;

/** Encodes bytes as base64 without building one huge argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return btoa(parts.join(''));
}

/**
 * Reads one file into an upload.
 * @throws whatever the browser throws when the file cannot be read (a folder, a vanished file)
 */
export async function readUpload(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, data: bytesToBase64(bytes) };
}
