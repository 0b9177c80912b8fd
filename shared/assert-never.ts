/** Exhaustiveness for switches over unions: a missed case fails the type check, and throws if reached anyway. */

/** @throws TypeError naming the unexpected value (only reachable when types were bypassed) */
export function assertNever(value: never): never {
  throw new TypeError(`unexpected value ${JSON.stringify(value)}`);
}
