// docs/dataset.schema.json describes the same format as the app's validator: every dataset the
// project ships satisfies it, and files the format forbids do not.
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf-8'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(read('docs/dataset.schema.json'));

const shipped = [
  'data/report-2021.json',
  ...fs.readdirSync(path.join(root, 'docs/examples')).filter((f) => f.endsWith('.json')).map((f) => `docs/examples/${f}`),
];

for (const file of shipped) {
  test(`${file} satisfies the schema`, () => {
    const ok = validate(read(file));
    expect(validate.errors ?? [], file).toEqual([]);
    expect(ok).toBe(true);
  });
}

test('the schema refuses what the format forbids', () => {
  const good = read('docs/examples/minimal.json');
  const variants: Array<[string, (d: any) => void]> = [
    ['a newer version', (d) => (d.version = 3)],
    ['a major without a code in version 1', (d) => (d.records[0].majors = [{ name: '工业设计' }])],
    ['a major without a code or a name', (d) => ((d.version = 2), (d.records[0].majors = [{ name: ' ' }]))],
    ['another format', (d) => (d.format = 'other')],
    ['an unknown key', (d) => (d.titel = 'x')],
    ['an empty title', (d) => (d.title = '  ')],
    ['a negative count', (d) => (d.records[0].registered = -1)],
    ['a fraction', (d) => (d.records[0].registered = 1.5)],
    ['another level', (d) => (d.records[0].level = '中等')],
    ['a missing certified', (d) => delete d.records[0].certified],
    ['a bad date', (d) => (d.as_of = '2021/12/31')],
    ['an unknown record key', (d) => (d.records[0].registred = 1)],
  ];
  for (const [name, spoil] of variants) {
    const copy = structuredClone(good);
    spoil(copy);
    expect(validate(copy), name).toBe(false);
  }
  expect(validate(good)).toBe(true);
});

test('version 2 carries majors known by name alone', () => {
  const file = read('docs/examples/minimal.json');
  file.version = 2;
  file.records[0].majors = [{ name: '工业设计' }, { code: '560118', name: '工业设计' }];
  expect(validate(file)).toBe(true);
});
