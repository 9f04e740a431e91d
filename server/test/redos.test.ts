/**
 * Bad-input class B11 (ReDoS): no regular expression in the contracts or the server backtracks catastrophically on
 * input a user can send. Every regex literal in contracts/src and server/src (found with the TypeScript parser, so
 * a new one is covered the day it is written) runs against 50 KB adversarial strings — long runs of the characters
 * government text and our formats are made of, each ending in a character that spoils the match — and must answer
 * in under 10 ms (the best of three runs, so a garbage collection does not count).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const folders = ['contracts/src', 'server/src'].map((f) => join(root, f));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

interface Found {
  where: string;
  regex: RegExp;
}

function regexLiterals(): Found[] {
  const found: Found[] = [];
  for (const file of folders.flatMap(sourceFiles)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(source);
        const cut = text.lastIndexOf('/');
        const flags = text.slice(cut + 1).replace(/[gy]/g, '');
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ where: `${relative(root, file)}:${line} ${text}`, regex: new RegExp(text.slice(1, cut), flags) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Runs of what our inputs are made of (Latin, digits, blanks, Chinese, its punctuation, our separators). */
const runs = ['a', 'A', '0', ' ', '\t', '\n', '中', '、', '，', '（', '）', '-', '_', '/', '.', ':', '@', '%', '{', '"', 'a0', '〔2026〕'];
const spoilers = ['!', '\u0000', '）', 'x', ''];
const SIZE = 50_000;
const adversarial = runs.flatMap((run) => spoilers.map((end) => run.repeat(Math.ceil(SIZE / run.length)).slice(0, SIZE) + end));

/** The time of one run; a slow one is run twice more and its best counts (a garbage collection is not the regex). */
function bestOfThree(regex: RegExp, input: string): number {
  let best = Infinity;
  for (let i = 0; i < 3 && best >= 10; i++) {
    const started = performance.now();
    regex.test(input);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('regular expressions on adversarial input (B11)', () => {
  const literals = regexLiterals();

  it('finds the regexes it is meant to check', () => {
    expect(literals.length).toBeGreaterThan(20);
  });

  it('every regex answers 50 KB of adversarial text in under 10 ms', () => {
    const slow: string[] = [];
    for (const { where, regex } of literals) {
      for (const input of adversarial) {
        const ms = bestOfThree(regex, input);
        if (ms >= 10) {
          slow.push(`${where} on ${JSON.stringify(input.slice(0, 6))}… (${input.length} chars): ${ms.toFixed(1)} ms`);
          break;
        }
      }
    }
    expect(slow).toEqual([]);
  });
});
