// Types for the jstat distributions Concord uses (the package ships none). jstat is CommonJS:
// its module object, the default import, holds `jStat`.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...parameters: number[]): number;
  }
  const jstat: {
    jStat: {
      normal: Distribution;
      chisquare: Distribution;
    };
  };
  export default jstat;
}
