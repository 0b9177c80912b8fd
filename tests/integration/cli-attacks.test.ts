/**
 * The `claimdesk` command attacked as in issues #16 and #10, as a user runs it
 * (`node bin/claimdesk.mjs`, on the built CLI, rebuilt when a source is newer) on real temp
 * folders: a workspace held by the host, a workspace path that is a file, unreadable or /proc,
 * output paths that are taken, folders, the same, or the workspace's own files, hostile brat
 * lines, an unexpected error, and Ctrl-C or SIGTERM mid-import. After every command, whatever its
 * end, no `.claimdesk.lock` of its own is left, and the exit code is the documented one.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../electron/services/store/workspace-lock';
import { BIN, buildNodeIfStale, ROOT, startBuiltHost } from './support/built';
import { SAMPLES, tempDir } from './support/temp';

type Run = { code: number | null; out: string; err: string };

/** The documented end of a failed command: one line on stderr, no stack. */
function expectOneLine(r: Run, message: RegExp): void {
  expect(r.err).toMatch(message);
  expect(r.err).not.toMatch(/^\s+at /m);
  expect(r.err.trim().split('\n')).toHaveLength(1);
}

/**
 * Runs the command on workspace `ws` and checks that it left no lock file behind (a lock that
 * was there before, someone else's, must still be there).
 */
function run(ws: string | null, args: readonly string[], options: { uid?: number } = {}): Run {
  const lock = ws === null ? null : join(ws, LOCK_FILE);
  const before = lock !== null && existsSync(lock) ? readFileSync(lock, 'utf8') : null;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 60_000, ...options });
  if (lock !== null) expect(existsSync(lock) ? readFileSync(lock, 'utf8') : null, `the lock after claimdesk ${args.join(' ')}`).toBe(before);
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let ws = '';
beforeAll(async () => {
  buildNodeIfStale();
  ws = join(await tempDir('claimdesk-cli-attacks-'), 'ws');
  expect(run(ws, ['import', '--workspace', ws, SAMPLES]).code).toBe(0);
}, 120_000);

describe('a workspace that is held or cannot be opened (exit 3)', () => {
  it('import into a workspace the host holds exits 3 naming the holder; reading commands go on read-only', async () => {
    const host = await startBuiltHost(ws);
    try {
      const holder = host.child.pid!;
      const imported = run(ws, ['import', '--workspace', ws, join(SAMPLES, 'us-envoy-arrives-in-japan.txt')]);
      expect(imported.code).toBe(3);
      expectOneLine(imported, new RegExp(`claimdesk import: .*open in another Claimdesk by .*process ${holder}`));
      const stats = run(ws, ['stats', '--workspace', ws]);
      expect(stats.code).toBe(0);
      expect(stats.out).toMatch(/documents +4/);
      expect(stats.err).toMatch(/note: .*process \d+.*reading it as it is on disk/);
      expect(run(ws, ['validate', '--workspace', ws]).code).toBe(0);
      expect(run(ws, ['export', '--workspace', ws, '--format', 'jsonl', '--out', join(await tempDir(), 'held.jsonl')]).code).toBe(0);
    } finally {
      host.child.kill('SIGTERM');
      await host.exited;
    }
  });

  it('a file, a path through a file, and /proc/self are refused with one line (and /proc/self does not hang)', async () => {
    const dir = await tempDir();
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'not a folder');
    const cases: [string, RegExp][] = [
      [file, /notes\.txt (\(or a folder above it\) )?is a file, not a folder/],
      [join(file, 'ws'), /is a file, not a folder/],
      ['/proc/self', /\/proc\/self is a system folder/],
      ['/proc/self/new-workspace', /is a system folder/],
      ['/sys/kernel', /is a system folder/],
    ];
    for (const [path, message] of cases) {
      const r = run(null, ['stats', '--workspace', path]);
      expect(r.code, path).toBe(3);
      expectOneLine(r, message);
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('an unreadable folder is refused with one line (EACCES), checked as an unprivileged user', async (ctx) => {
    // Root reads every folder: the command runs as `nobody` instead, which needs a folder it can reach.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const dir = await tempDir();
    await chmod(dir, 0o755);
    const locked = join(dir, 'locked');
    await mkdir(locked, { mode: 0o000 });
    await chmod(locked, 0o000);
    const probe = spawnSync(process.execPath, ['-e', '0'], asUser);
    ctx.skip(probe.status !== 0, `cannot run node as uid 65534 here (${String(probe.error ?? probe.stderr)})`);
    const r = run(null, ['stats', '--workspace', locked], asUser);
    expect(r.code).toBe(3);
    expectOneLine(r, /locked cannot be (read or )?written \(permission denied\)/);
  });
});

describe('output paths (exit 4, or 2 for --report = --out)', () => {
  const exportTo = (out: string, ...more: string[]) => run(ws, ['export', '--workspace', ws, '--format', 'jsonl', '--out', out, ...more]);

  it("--report follows --out's overwrite rule, and a folder there fails before anything is written", async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.jsonl');
    await mkdir(join(dir, 'report-folder'));
    const intoFolder = exportTo(out, '--report', join(dir, 'report-folder'));
    expect(intoFolder.code).toBe(4);
    expectOneLine(intoFolder, /--report .*report-folder is a folder, and this export writes a file/);
    expect(existsSync(out)).toBe(false);
    await writeFile(join(dir, 'report.json'), 'keep me');
    const taken = exportTo(out, '--report', join(dir, 'report.json'));
    expect(taken.code).toBe(4);
    expectOneLine(taken, /report\.json already exists; .*--force/);
    expect(await readFile(join(dir, 'report.json'), 'utf8')).toBe('keep me');
    expect(existsSync(out)).toBe(false);
    expect(exportTo(out, '--report', join(dir, 'report.json'), '--force').code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toMatchObject({ documents: 4 });
  });

  it('--report naming --out (also through a symlink) is a usage error that writes nothing', async () => {
    const dir = await tempDir();
    const out = join(dir, 'out.jsonl');
    await symlink(dir, join(dir, 'alias'));
    for (const report of [out, join(dir, 'alias', 'out.jsonl')]) {
      const r = exportTo(out, '--report', report);
      expect(r.code, report).toBe(2);
      expectOneLine(r, /--report .* and --out .* name the same path/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it("refuses outputs in the workspace's own files or over the workspace, even with --force", async () => {
    const index = readFileSync(join(ws, 'claimdesk.json'), 'utf8');
    const dir = await tempDir();
    await symlink(join(ws, 'documents'), join(dir, 'docs-link'));
    const targets = [
      join(ws, 'claimdesk.json'),
      join(ws, 'documents', 'x.jsonl'),
      join(ws, '.backups', 'x.jsonl'),
      join(ws, '.trash'),
      join(ws, LOCK_FILE),
      join(dir, 'docs-link', 'x.jsonl'),
    ];
    for (const out of targets) {
      const r = exportTo(out, '--force');
      expect(r.code, out).toBe(4);
      expectOneLine(r, /inside the workspace's own files/);
      const report = exportTo(join(dir, 'fine.jsonl'), '--report', out, '--force');
      expect(report.code, out).toBe(4);
      expect(existsSync(join(dir, 'fine.jsonl'))).toBe(false);
    }
    const whole = run(ws, ['export', '--workspace', ws, '--format', 'brat', '--out', ws, '--force']);
    expect(whole.code).toBe(4);
    expectOneLine(whole, /is the workspace folder or holds it/);
    expect(readFileSync(join(ws, 'claimdesk.json'), 'utf8')).toBe(index);
    expect(run(ws, ['stats', '--workspace', ws]).out).toMatch(/documents +4/);
  });
});

describe('brat lines the import must survive (exit 1, each reported by line)', () => {
  it('a line of 130,000 fragments, an over-long id or label, a repeated T id: reported, the rest imported', async () => {
    const dir = join(await tempDir(), 'brat');
    await mkdir(dir);
    // Two spaces between the fragments: the joined fragments differ from the continuous span, which is reported.
    const text = 'ab  '.repeat(130_000);
    const frags = Array.from({ length: 130_000 }, (_, i) => `${i * 4} ${i * 4 + 2}`).join(';');
    const lines = [
      `T1\tClaim ${frags}\t${Array.from({ length: 130_000 }, () => 'ab').join(' ')}`,
      'T2\tClaim 0 2\tab',
      `T${'9'.repeat(120)}\tClaim 4 6\tab`,
      `T4\t${'L'.repeat(120)} 8 10\tab`,
      'T2\tSource 12 14\tab',
      'T5\tSource 16 18\tab',
      'R1\tattributed_to Arg1:T2 Arg2:T5',
    ];
    await writeFile(join(dir, 'doc.txt'), text);
    await writeFile(join(dir, 'doc.ann'), `${lines.join('\n')}\n`);
    const target = join(await tempDir(), 'ws');
    const r = run(target, ['import', '--workspace', target, dir]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/^\s+at /m);
    expect(r.err).toMatch(/problem +doc\.ann:1: T1: a discontinuous span/);
    expect(r.err).toMatch(/problem +doc\.ann:3: .*id .*longer than 100/);
    expect(r.err).toMatch(/problem +doc\.ann:4: T4: the label .*longer than 100/);
    expect(r.err).toMatch(/problem +doc\.ann:5: T2: .*used (before|already).*line 2/);
    expect(r.out).toMatch(/imported +doc\.txt -> \w+ .*\(layers: \S+ 3\)/); // all 3 in the importing analyst's layer (brat has no authors)
    expect(r.out).toMatch(/1 imported, 0 already present, 0 failed, 4 record problem/);
  });
});

describe('every other end is documented', () => {
  it('an unexpected error is exit 5 and one line, never 70 and a stack', async () => {
    const dir = join(await tempDir(), 'brat');
    await mkdir(join(dir, 'broken.ann'), { recursive: true }); // a folder where an .ann file is read
    await writeFile(join(dir, 'broken.txt'), 'text');
    await writeFile(join(dir, 'fine.txt'), 'text too');
    await writeFile(join(dir, 'fine.ann'), '');
    const target = join(await tempDir(), 'ws');
    const r = run(target, ['import', '--workspace', target, dir]);
    expect(r.code).toBe(5);
    expectOneLine(r, /claimdesk import: unexpected error .*EISDIR/);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-import cancels with exit 130 and leaves no lock', async (signal) => {
    const dir = await tempDir();
    const sentence = 'The envoy said the talks would resume next week, according to officials.';
    for (const n of [1, 2]) await writeFile(join(dir, `big-${n}.txt`), `${`${sentence} ${n}\n\n`.repeat(300_000)}`);
    const target = join(dir, 'ws');
    const child = spawn(process.execPath, [BIN, 'import', '--workspace', target, join(dir, 'big-1.txt'), join(dir, 'big-2.txt')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The lock appearing is the sign that the workspace is open and the import under way.
    while (!existsSync(join(target, LOCK_FILE))) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill(signal);
    expect(await exited).toBe(130);
    expect(err).toMatch(/claimdesk import: cancelled; the documents imported until now stay/);
    expect(err).not.toMatch(/^\s+at /m);
    expect(existsSync(join(target, LOCK_FILE))).toBe(false);
  });
});
