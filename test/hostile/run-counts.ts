/**
 * How hard the property tests push: a modest number of runs keeps `npm test` fast; SPOSA_LONG_TESTS=1 (set in CI)
 * explores many more generated inputs.
 */
export const LONG_TESTS = process.env.SPOSA_LONG_TESTS === '1';

export const propertyRuns = (modest: number) => ({ numRuns: LONG_TESTS ? modest * 20 : modest });
