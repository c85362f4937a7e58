// Escaping in the LaTeX and Markdown tables: names and definitions come from researchers and may
// hold any character; a table must compile (LaTeX) and keep its columns (Markdown) whatever they say.
import { describe, expect, it } from 'vitest';
import { latexEscape, markdownEscape } from './analysis-tables.ts';

describe('table escaping', () => {
  it('LaTeX: the ten special characters print as text, and nothing runs as a command', () => {
    expect(latexEscape('50% & $x_1$ #1 {a} ~ ^ \\input{secret}')).toBe(
      '50\\% \\& \\$x\\_1\\$ \\#1 \\{a\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}input\\{secret\\}',
    );
  });

  it('LaTeX: the statistics’ symbols and typographic quotes become LaTeX, line breaks become spaces', () => {
    expect(latexEscape('Cohen’s κ = 0.6, “x” – p < 0.001\nnext')).toBe("Cohen's $\\kappa$ = 0.6, ``x'' -- p $<$ 0.001 next");
  });

  it('Markdown: a pipe or a newline cannot break a row, and markup characters stay literal', () => {
    expect(markdownEscape('a | b\nc *d* _e_ `f` [g](h) <b>')).toBe('a \\| b c \\*d\\* \\_e\\_ \\`f\\` \\[g\\](h) \\<b\\>');
  });
});
