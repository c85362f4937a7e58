// A fake GitHub GraphQL server for tests, browser journeys and the benchmark.
export { generateRepository, fakeNodeId, type FakeComment, type FakeIssue, type FakeRepository, type GenerateOptions } from './generate.ts';
export { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions, type Fault, type RequestRecord } from './server.ts';
export { queryCost } from './cost.ts';
