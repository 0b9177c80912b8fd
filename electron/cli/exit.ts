/**
 * The CLI's exit codes, and the failure a command throws to end with one of them and a one-line
 * message. Every way a command can end maps to one of these codes; the help prints EXIT_CODES.
 */

/** The documented exit codes. */
export const EXIT = { OK: 0, BAD_INPUT: 1, USAGE: 2, WORKSPACE: 3, OUTPUT: 4, INTERNAL: 5, CANCELLED: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The exit codes as the help prints them. */
export const EXIT_CODES = `Exit codes:
  0    done
  1    bad input: some files or records could not be imported, or validate found problems (each is listed)
  2    bad command or arguments (also --report naming the same path as --out)
  3    the workspace could not be opened or written: the folder is a file, not yours, a system folder
       (/proc, /sys, /dev), or another Claimdesk holds it (import only; the message says who)
  4    the export or its report could not be written: the path exists and --force was not given, it is
       a folder where a file goes (or the other way round), its folder is not writable, or it is the
       workspace or inside the workspace's own files (refused even with --force)
  5    an unexpected error (a bug in Claimdesk): the message says what failed; CLAIMDESK_DEBUG=1 prints the stack
  130  cancelled (Ctrl-C, SIGTERM or SIGHUP): nothing is left at the output path; documents already
       imported stay; the workspace lock is released`;

/** A command's end with a documented exit code and a one-line message (printed without a stack). */
export class CliFailure extends Error {
  constructor(
    readonly code: ExitCode,
    message: string,
  ) {
    super(message);
  }
}
