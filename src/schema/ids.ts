/** The patterns of the dataset's ids (src/schema/report.ts validates with them; page scripts check URLs with them). */

/**
 * A jurisdiction's id: its 6-digit GB/T 2260 division code, or — for a body
 * outside GB/T 2260 (平潭综合实验区, a development zone) or a name the division
 * data does not know — `x` and 12 hex digits of the SHA-256 of its normalised
 * full name: stable, and collision-free for any realistic number of names.
 */
export const jurisdictionIdPattern = /^(?:\d{6}|x[0-9a-f]{12})$/;

/** `<jurisdiction id>-<year>`, or `<jurisdiction id>-<department slug>-<year>` for a department's report. */
export const reportIdPattern = /^(?:\d{6}|x[0-9a-f]{12})(?:-[a-z0-9]+(?:-[a-z0-9]+)*)?-\d{4}$/;
