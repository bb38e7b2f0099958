// What a release build's file names promise: Trunk names each bundled file `name-<hash>.ext`
// (wasm `name-<hash>_bg.wasm`), the hash a hexadecimal content hash written without leading
// zeros, so it has 16 digits or fewer. Nothing here may assume a fixed count of digits.

/** The content hash in a bundled file's name, or undefined where the name carries none. */
export function contentHash(name: string): string | undefined {
  return /-([0-9a-f]{1,16})(?:_bg)?\.(?:js|wasm|css)$/.exec(name)?.[1];
}

/** The bundled files of a build that carry a content hash, by extension. */
export function hashedFiles(names: string[], ext: '.js' | '.wasm' | '.css'): string[] {
  return names.filter((name) => name.endsWith(ext) && contentHash(name) !== undefined);
}
