/**
 * The simulated machine's own figures, where Docker's output depends on them: a learner's laptop
 * of 4 CPUs and 8 GiB. `docker info` does not show them (a gap: they would be the learner's own).
 */

/** every container's memory limit without --memory, or with a larger one (docker stats) */
export const MACHINE_MEMORY = 8 * 1024 ** 3;

/** the most `--cpus` the daemon allows */
export const MACHINE_CPUS = 4;
