// Guard: interface text lives in i18n/zh and i18n/en, never inline in a .tsx file. Every token of every
// web/src/**/*.tsx file (string, template, JSX text, regular expression…) is checked for CJK ideographs;
// comments may stay in Chinese. Data values (genders, ethnicities…) come from domain/ constants.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..'); // web/src
const REPO = join(ROOT, '..', '..');
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(path);
    return e.name.endsWith('.tsx') ? [path] : [];
  });
}

/** "file:line: text" for each token (comments are trivia, not tokens) holding a CJK character. */
function inlineChinese(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  if (!CJK.test(text)) return [];
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits = new Set<number>();
  const visit = (node: ts.Node) => {
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return; // /** … */ is a comment too
    const children = node.getChildren(source);
    if (children.length > 0) children.forEach(visit);
    else if (CJK.test(node.getText(source))) hits.add(source.getLineAndCharacterOfPosition(node.getStart(source)).line);
  };
  visit(source);
  const lines = text.split('\n');
  return [...hits].sort((a, b) => a - b).map((l) => `${relative(REPO, path)}:${l + 1}: ${lines[l].trim()}`);
}

describe('web/src/**/*.tsx', () => {
  it('holds no Chinese outside comments (interface text belongs in i18n/zh and i18n/en)', () => {
    expect(tsxFiles(ROOT).flatMap(inlineChinese)).toEqual([]);
  });
});
