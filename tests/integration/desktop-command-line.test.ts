/**
 * The desktop shell's command line (electron/desktop/command-line.ts) and `npm start`'s
 * (scripts/start.mjs): which arguments are the user's, and that a relative --workspace means a
 * folder under the directory the user launched from.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { launchData, requestedWorkspace, secondLaunchRequest, userArgs } from '../../electron/desktop/command-line';
import { tempDir } from './support/temp';
import { electronBinary } from '../e2e/support/electron-binary';

const ROOT = join(import.meta.dirname, '..', '..');

describe('userArgs', () => {
  it('drops the binary, the app path and Chromium’s switches, keeping --workspace and --port with their values', () => {
    const argv = ['/usr/bin/electron', '--no-sandbox', '/repo', '--inspect=0', '--workspace', 'claims', '--port=7000', 'extra'];
    expect(userArgs(argv, true)).toEqual(['--workspace', 'claims', '--port=7000', 'extra']);
  });

  it('keeps the first positional of a packaged app (no app path) and an --option=value as one argument', () => {
    expect(userArgs(['/opt/Claimdesk/claimdesk', 'notes', '--workspace=~/claims', '-psn_0_123'], false)).toEqual(['notes', '--workspace=~/claims']);
  });

  it('keeps a trailing --workspace without a value, for the parser to refuse', () => {
    expect(userArgs(['claimdesk', '--workspace'], false)).toEqual(['--workspace']);
    expect(() => requestedWorkspace(['--workspace'], '/')).toThrow(/workspace/);
  });
});

describe('requestedWorkspace', () => {
  it('is resolved against the launch’s working directory; absolute folders stay as they are', async () => {
    const cwd = await tempDir();
    expect(requestedWorkspace(['--workspace', './claims'], cwd)).toBe(join(cwd, 'claims'));
    expect(requestedWorkspace(['--workspace=/srv/claims'], cwd)).toBe('/srv/claims');
    expect(requestedWorkspace([], cwd)).toBeUndefined();
  });

  it('refuses an empty folder and a bad port with a sentence for the user', () => {
    expect(() => requestedWorkspace(['--workspace', ' '], '/')).toThrow(/--workspace needs a folder/);
    expect(() => requestedWorkspace(['--port', '99999'], '/')).toThrow(/--port must be a number/);
  });
});

describe('a second launch’s request', () => {
  it('comes from additionalData (its own arguments and directory) when it has our shape', () => {
    const data = launchData(['/usr/bin/electron', '/repo', '--workspace', 'b'], true, '/home/ann');
    expect(data).toEqual({ args: ['--workspace', 'b'], cwd: '/home/ann' });
    expect(secondLaunchRequest(data, ['/usr/bin/electron', '--workspace', 'other'], '/tmp', true)).toEqual({ kind: 'open', dir: '/home/ann/b' });
  });

  it('falls back to Electron’s argv and working directory for anything else', () => {
    const argv = ['/usr/bin/electron', '/repo', '--workspace', 'c', '--original-process-start-time=1'];
    for (const data of [undefined, null, {}, { args: 'x', cwd: '/' }, { args: [1], cwd: '/' }, { args: [], cwd: 3 }])
      expect(secondLaunchRequest(data, argv, '/home/bo', true)).toEqual({ kind: 'open', dir: '/home/bo/c' });
  });

  it('asks only for the window without --workspace, and reports bad options', () => {
    expect(secondLaunchRequest(launchData(['claimdesk'], false, '/'), [], '/', false)).toEqual({ kind: 'focus' });
    expect(secondLaunchRequest(launchData(['claimdesk', '--workspace', ''], false, '/'), [], '/', false)).toMatchObject({ kind: 'invalid' });
  });
});

describe('npm start (scripts/start.mjs)', () => {
  it('runs Electron (or the browser host) in the directory npm was started from (INIT_CWD), not the repository root', async () => {
    const userDir = await tempDir();
    const script = `import { launchDirectory } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href)};
console.log(JSON.stringify([launchDirectory(process.env, process.cwd()), launchDirectory({}, process.cwd())]));`;
    // npm runs scripts in the package root and says where the user was in INIT_CWD.
    const res = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: userDir },
    });
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout.trim().split('\n').at(-1) ?? 'null')).toEqual([userDir, ROOT]);
  });

  it('opens a relative --workspace under INIT_CWD, run for real through the browser-host fallback (skipped without a build, or where Electron is installed)', async (ctx) => {
    const built = ['main.mjs', 'host.mjs'].every((name) => existsSync(join(ROOT, 'dist', 'electron', name)));
    ctx.skip(!built, 'dist/electron is not built (run `npm run build`)');
    ctx.skip(
      'path' in electronBinary(ROOT),
      'an Electron binary is installed: npm start would open a window (tests/e2e/electron.spec.ts covers that)',
    );
    const [userDir, dataDir] = [await tempDir(), await tempDir()];
    const env = { ...process.env, INIT_CWD: userDir, CLAIMDESK_DATA_DIR: dataDir, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--workspace', './claims', '--port', '0'], { cwd: ROOT, env });
    const exited = new Promise((done) => child.on('exit', done));
    try {
      const serving = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /is serving workspace (.+) at http/.exec(out);
          if (match?.[1]) done(match[1]);
        });
        child.on('exit', (code) => fail(new Error(`npm start ended (${code}) before serving:\n${out}`)));
      });
      expect(serving).toBe(join(userDir, 'claims'));
    } finally {
      child.kill('SIGTERM'); // start.mjs forwards it to the host
      await exited;
    }
  });
});
