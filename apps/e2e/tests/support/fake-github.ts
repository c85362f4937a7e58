// The token the fake GitHub of the browser journeys accepts (started by playwright.config.ts).
export const FAKE_GITHUB_TOKEN = 'e2e-fake-token';
