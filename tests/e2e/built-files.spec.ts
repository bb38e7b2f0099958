// The file-name check of the hosting tests, on names as Trunk writes them, short hashes included.
import { test, expect } from '@playwright/test';
import { contentHash, hashedFiles } from './built-files';

test('a content hash is found whatever its number of digits', () => {
  expect(contentHash('pilot-board-71fc26f99e3c91b2.js')).toBe('71fc26f99e3c91b2');
  // 15 digits: a hash whose first hex digit was 0 (seen in a real build).
  expect(contentHash('pilot-board-71fc26f99e3c91b.js')).toBe('71fc26f99e3c91b');
  expect(contentHash('pilot-board-71fc26f99e3c91b_bg.wasm')).toBe('71fc26f99e3c91b');
  expect(contentHash('style-9e3c91b.css')).toBe('9e3c91b');
  expect(contentHash('pilot-board-a.js')).toBe('a');
});

test('names without a content hash are not taken for hashed ones', () => {
  expect(contentHash('sw.js')).toBeUndefined();
  expect(contentHash('index.html')).toBeUndefined();
  expect(contentHash('pilot-board.js')).toBeUndefined();
  expect(contentHash('pilot-board_bg.wasm')).toBeUndefined();
  // More than 16 digits is not Trunk's 64-bit hash.
  expect(contentHash('pilot-board-71fc26f99e3c91b2a.js')).toBeUndefined();
  // Upper case and non-hex letters are not Trunk's either.
  expect(contentHash('pilot-board-71FC26F99E3C91B.js')).toBeUndefined();
  expect(contentHash('pilot-board-main.js')).toBeUndefined();
});

test('a build with 15-digit hashes has its hashed files found', () => {
  const names = ['index.html', 'sw.js', 'pilot-board-71fc26f99e3c91b.js', 'pilot-board-71fc26f99e3c91b_bg.wasm', 'style-3c91b2a7f0e1d4c.css'];
  expect(hashedFiles(names, '.js')).toEqual(['pilot-board-71fc26f99e3c91b.js']);
  expect(hashedFiles(names, '.wasm')).toEqual(['pilot-board-71fc26f99e3c91b_bg.wasm']);
  expect(hashedFiles(names, '.css')).toEqual(['style-3c91b2a7f0e1d4c.css']);
});
