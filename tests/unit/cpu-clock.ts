/**
 * Milliseconds of CPU this test process has used. Time bounds on parsers measure this, not the
 * wall clock: on a shared machine other processes stretch wall time many times over (a load of 20
 * on 2 cores made a 0.7 s parse take 4 s), while a blow-up in our own code still shows in full.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
