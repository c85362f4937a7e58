// The token the fake GitHub of the browser journeys accepts (started by playwright.config.ts).
export const FAKE_GITHUB_TOKEN = 'e2e-fake-token';
/** A repository of 30 pages, so that a journey can stop its import half-way. */
export const FAKE_GITHUB_LARGE_REPOSITORY = 'concord-e2e/monorepo';
