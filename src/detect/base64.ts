/**
 * Bytes to base64 text and back, natively where the engine has it (`Uint8Array.fromBase64`,
 * `toBase64`: Chromium 140+), with btoa / atob otherwise (Node 20, older browsers). Pure.
 */
type Base64Uint8Array = typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array };
type Base64Bytes = Uint8Array & { toBase64?: () => string };

export function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Bytes).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as Base64Uint8Array).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
