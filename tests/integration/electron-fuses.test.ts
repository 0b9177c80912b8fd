/**
 * The fuses scripts/after-pack.mjs flips (Electron's security checklist, item 19): its policy
 * is the one the README states, electron-builder.yml runs it, electron-builder's own hook
 * loader finds it, and run on a fake Electron binary (a real file holding the fuse sentinel
 * and wire the way Electron lays them out) it flips exactly those fuses. A real packaged build
 * needs the Electron runtime, which this machine does not have.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp';

const ROOT = join(import.meta.dirname, '..', '..');
const HOOK = join(ROOT, 'scripts', 'after-pack.mjs');
const requireHere = createRequire(import.meta.url);
const BUILDER_LIB = dirname(requireHere.resolve('app-builder-lib/package.json'));
const yaml = createRequire(join(BUILDER_LIB, 'package.json'))('js-yaml') as { load: (text: string) => unknown };

type FuseName = keyof typeof FuseV1Options;
type AfterPackContext = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
};
type HookModule = {
  FUSES: Readonly<Partial<Record<FuseName, boolean>>>;
  fuseConfig: () => Record<string, unknown>;
  packagedBinary: (context: AfterPackContext) => string;
  afterPack: (context: AfterPackContext) => Promise<void>;
  default: unknown;
};

/** The policy as the checklist states it (README, Security, item 19). */
const EXPECTED: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

// The fuse wire as Electron's docs lay it out (tutorial/fuses.md): the sentinel, the fuse
// version (1), the number of fuses, then one byte per fuse, ASCII "1" on and "0" off.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
/** Electron's default states, in wire order, plus one fuse newer than @electron/fuses 1.x knows. */
const DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];

/** A stand-in for the Electron executable: filler, the sentinel, fuse version 1, the wire length and the wire, filler. */
function fakeBinary(): Buffer {
  return Buffer.concat([
    Buffer.alloc(4096, 0xcc),
    Buffer.from(SENTINEL, 'ascii'),
    Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]),
    Buffer.alloc(4096, 0xdd),
  ]);
}

/** The afterPack function as electron-builder itself loads it from electron-builder.yml. */
async function loadHookAsBuilderDoes(): Promise<(context: AfterPackContext) => Promise<void>> {
  const config = yaml.load(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as { afterPack?: string };
  const { resolveFunction } = requireHere(join(BUILDER_LIB, 'out', 'util', 'resolve.js')) as {
    resolveFunction: (type: undefined, executor: string, name: string, root: string) => Promise<unknown>;
  };
  const loaded = await resolveFunction(undefined, config.afterPack ?? '', 'afterPack', ROOT);
  if (typeof loaded !== 'function') throw new TypeError(`electron-builder loaded ${typeof loaded} from afterPack, not a function`);
  return loaded as (context: AfterPackContext) => Promise<void>;
}

const linuxContext = (appOutDir: string): AfterPackContext => ({
  appOutDir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: 'Claimdesk' }, executableName: 'claimdesk' },
});

let hook: HookModule;
let afterPack: (context: AfterPackContext) => Promise<void>;
beforeAll(async () => {
  hook = (await import(pathToFileURL(HOOK).href)) as HookModule;
  afterPack = await loadHookAsBuilderDoes();
});

describe('the afterPack fuses', () => {
  it('are the policy the README states, by @electron/fuses names', () => {
    expect({ ...hook.FUSES }).toEqual(EXPECTED);
    for (const name of Object.keys(hook.FUSES)) expect(typeof FuseV1Options[name as FuseName], name).toBe('number');
    expect(hook.fuseConfig()).toEqual({
      version: '1',
      ...Object.fromEntries(Object.entries(EXPECTED).map(([name, isOn]) => [FuseV1Options[name as FuseName], isOn])),
    });
  });

  it('match README item 19 word for word (`Name` on/off)', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| 19 |')) ?? '';
    const stated = Object.fromEntries([...row.matchAll(/`(\w+)` (on|off)\b/g)].map((m) => [m[1], m[2] === 'on']));
    expect(stated).toEqual(EXPECTED);
  });

  it('run from electron-builder.yml, through electron-builder’s own hook loader', async () => {
    const config = yaml.load(await readFile(join(ROOT, 'electron-builder.yml'), 'utf8')) as { afterPack?: string; asar?: boolean };
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    expect(config.asar).toBe(true); // OnlyLoadAppFromAsar needs the app in app.asar
    expect(afterPack.name).toBe('afterPack'); // the tests below run this copy, loaded the way a build loads it
    expect(hook.default).toBe(hook.afterPack);
  });

  it('find the packaged executable on each platform', () => {
    const packager = { appInfo: { productFilename: 'Claimdesk' }, executableName: 'claimdesk' };
    expect(hook.packagedBinary({ appOutDir: '/out', electronPlatformName: 'linux', packager })).toBe(join('/out', 'claimdesk'));
    expect(hook.packagedBinary({ appOutDir: '/out', electronPlatformName: 'win32', packager })).toBe(join('/out', 'Claimdesk.exe'));
    expect(hook.packagedBinary({ appOutDir: '/out', electronPlatformName: 'darwin', packager })).toBe(join('/out', 'Claimdesk.app'));
  });

  it('flip exactly those fuses in a binary with the fuse sentinel, leaving the rest of the file alone', async () => {
    const appOutDir = await tempDir('claimdesk-fuses-');
    const binary = join(appOutDir, 'claimdesk');
    const before = fakeBinary();
    await writeFile(binary, before);
    await afterPack(linuxContext(appOutDir));

    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    for (const [name, isOn] of Object.entries(EXPECTED)) {
      expect(wire[FuseV1Options[name as FuseName]], name).toBe(isOn ? ON : OFF);
    }
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF); // not set: Electron's default
    expect(wire[8]).toBe(ON); // a fuse this @electron/fuses does not know: untouched
    const after = await readFile(binary);
    const wireStart = before.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(after.length).toBe(before.length);
    expect(after.subarray(0, wireStart).equals(before.subarray(0, wireStart))).toBe(true);
    expect(after.subarray(wireStart + DEFAULT_WIRE.length).equals(before.subarray(wireStart + DEFAULT_WIRE.length))).toBe(true);
  });

  it('fail the packaging when the binary has no fuse sentinel', async () => {
    const appOutDir = await tempDir('claimdesk-fuses-');
    await writeFile(join(appOutDir, 'claimdesk'), Buffer.alloc(1024, 0xcc));
    await expect(afterPack(linuxContext(appOutDir))).rejects.toThrow(/sentinel/);
  });
});
