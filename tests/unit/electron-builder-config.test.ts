/**
 * electron-builder.yml is checked the way electron-builder itself reads it, without running a
 * packaging build (that needs the Electron runtime): parsed by the js-yaml that app-builder-lib
 * resolves, validated against the JSON schema electron-builder ships, and checked for what
 * Claimdesk relies on (the four installer targets, files that exist, a `main` the build makes).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const requireHere = createRequire(import.meta.url);
const BUILDER_LIB = dirname(requireHere.resolve('app-builder-lib/package.json'));
// The same js-yaml electron-builder loads its config with (resolved from app-builder-lib).
const yaml = createRequire(join(BUILDER_LIB, 'package.json'))('js-yaml') as { load: (text: string) => unknown };

type TargetEntry = string | { target: string };
type BuilderConfig = Record<string, unknown> & {
  files?: readonly (string | { from?: string; filter?: string | readonly string[] })[];
  extraMetadata?: { main?: string };
  linux?: { target?: readonly TargetEntry[] };
  win?: { target?: readonly TargetEntry[] };
  mac?: { target?: readonly TargetEntry[] };
};

const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main?: string };

/**
 * The schema validator. scheme.json is draft-07 (Ajv's default dialect) and is compiled in
 * strict mode, with the two things it really uses declared rather than strictness turned off:
 * union types (`"type": ["null", "string"]`, plain JSON Schema) and ajv-keywords' `typeof`
 * keyword, which marks hook options (afterPack, …) that must be functions.
 */
function schemaValidator(): (data: unknown) => { valid: boolean; errors: ErrorObject[] } {
  const schema = JSON.parse(readFileSync(join(BUILDER_LIB, 'scheme.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'typeof', schemaType: 'string', errors: false, validate: (type: string, data: unknown) => typeof data === type });
  const validate = ajv.compile(schema);
  return (data) => ({ valid: validate(data), errors: validate.errors ?? [] });
}

/** The target names of one platform section. */
function targetNames(section: { target?: readonly TargetEntry[] } | undefined): string[] {
  return (section?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
}

/** The fixed folder a file pattern starts from ("dist/**\/*" -> "dist"), or the pattern itself when it has no glob. */
function staticPrefix(pattern: string): { path: string; isGlob: boolean } {
  const parts = pattern.replace(/^!/, '').split('/');
  const firstGlob = parts.findIndex((part) => /[*?[\]{}]/.test(part));
  if (firstGlob === -1) return { path: parts.join('/'), isGlob: false };
  return { path: parts.slice(0, firstGlob).join('/') || '.', isGlob: true };
}

describe('electron-builder.yml', () => {
  const validate = schemaValidator();

  it('is valid against the schema electron-builder ships', () => {
    const { valid, errors } = validate(config);
    expect(errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be rejected by that schema if it had a misspelt option (the check bites)', () => {
    const misspelt = { ...config, linux: { ...config.linux, categroy: 'Office' } };
    expect(validate(misspelt).valid).toBe(false);
  });

  it('declares AppImage and deb on Linux, NSIS on Windows and a dmg on macOS', () => {
    expect(targetNames(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targetNames(config.win)).toContain('nsis');
    expect(targetNames(config.mac)).toContain('dmg');
  });

  it('packages only paths that exist (or globs over folders that exist)', () => {
    const hasDist = existsSync(join(ROOT, 'dist'));
    const patterns = (config.files ?? []).filter((f): f is string => typeof f === 'string');
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      const { path, isGlob } = staticPrefix(pattern);
      if (pattern.startsWith('!')) continue; // an exclusion need not match anything
      if (!hasDist && (path === 'dist' || path.startsWith('dist/'))) continue; // checked once built
      expect(existsSync(join(ROOT, path)), `${pattern}: ${path} ${isGlob ? '(the folder the glob starts in) ' : ''}does not exist`).toBe(true);
    }
  });

  it('keeps extraMetadata.main equal to package.json main', () => {
    expect(packageJson.main).toBe('dist/electron/main.mjs');
    expect(config.extraMetadata?.main).toBe(packageJson.main);
  });

  it('points main at a file the build produces', (ctx) => {
    ctx.skip(!existsSync(join(ROOT, 'dist')), 'dist/ is not built (run `npm run build`), so the built main cannot be checked');
    expect(existsSync(join(ROOT, packageJson.main ?? 'package.json main is missing')), `${packageJson.main} is not in the build`).toBe(true);
  });
});
