/**
 * Preloaded into a SPOSA child process (`node --import tsx --import ./test/helpers/clock-offset.ts src/main.ts`) to
 * run it later than it is: with `TEST_CLOCK_OFFSET_MS` set, `Date.now()` and `new Date()` read that many
 * milliseconds ahead. A process restarted this way sees the time its predecessor was down for as passed, so leases
 * and back-offs stored by the predecessor come due without the test waiting them out. Not a SPOSA setting: tests only.
 */
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? 0);

if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    // `new Date()` is now; `new Date(anything)` is what it always was.
    construct: (target, args: unknown[], newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget) as object,
    // `Date()` called as a function returns the current time as text.
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
  });
}

export {};
