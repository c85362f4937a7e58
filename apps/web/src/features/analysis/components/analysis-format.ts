// Number formats of the Analysis page: counts, shares, days and p-values as a paper prints them.

export const formatShare = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

export const formatDays = (days: number | null) => (days === null ? '—' : days.toFixed(1));

export const formatStatistic = (value: number | null, digits = 2) => (value === null ? '—' : value.toFixed(digits));

export const formatP = (p: number | null) => (p === null ? '—' : p < 0.001 ? '< 0.001' : p.toFixed(3));

export const codeLabel = (code: { path: string[]; name: string }) => code.path.join(' › ') || code.name;
