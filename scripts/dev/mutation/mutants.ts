// The mutants of one TypeScript file, found on its syntax tree: each is one small, realistic bug (an
// inverted or off-by-one comparison, every/some swapped, a dropped conjunct, === turned into includes, ...).

import ts from "typescript";

/** One edit of the source text that makes one mutant. */
export interface Mutant {
  file: string;
  /** 1-based line of the edit. */
  line: number;
  operator: string;
  start: number;
  end: number;
  original: string;
  replacement: string;
}

type Edit = Omit<Mutant, "file" | "line">;

const RELATIONAL: Partial<Record<ts.SyntaxKind, { boundary: string; inverse: string }>> = {
  [ts.SyntaxKind.LessThanToken]: { boundary: "<=", inverse: ">=" },
  [ts.SyntaxKind.LessThanEqualsToken]: { boundary: "<", inverse: ">" },
  [ts.SyntaxKind.GreaterThanToken]: { boundary: ">=", inverse: "<=" },
  [ts.SyntaxKind.GreaterThanEqualsToken]: { boundary: ">", inverse: "<" },
};

const METHOD_SWAPS: Record<string, string> = { every: "some", some: "every", startsWith: "includes", endsWith: "includes", find: "findLast", findIndex: "findLastIndex" };

// Every mutant of `file`, in source order; `program` supplies types (=== becomes includes only on strings).
export function findMutants(file: string, program: ts.Program): Mutant[] {
  const source = program.getSourceFile(file);
  if (source === undefined) throw new Error(`${file} is not part of the program`);
  const checker = program.getTypeChecker();
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    edits.push(...mutationsOf(node, source, checker));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits.map((edit) => ({ file, line: source.getLineAndCharacterOfPosition(edit.start).line + 1, ...edit }));
}

function mutationsOf(node: ts.Node, source: ts.SourceFile, checker: ts.TypeChecker): Edit[] {
  if (ts.isBinaryExpression(node)) return binaryMutations(node, source, checker);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const swap = METHOD_SWAPS[node.expression.name.text];
    return swap === undefined ? [] : [replace(node.expression.name, source, swap, `.${node.expression.name.text} -> .${swap}`)];
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) return [replace(node, source, "false", "true -> false")];
  if (node.kind === ts.SyntaxKind.FalseKeyword) return [replace(node, source, "true", "false -> true")];
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return [replace(node, source, `(${node.operand.getText(source)})`, "drop !")];
  if (ts.isNumericLiteral(node) && ts.isBinaryExpression(node.parent)) return [replace(node, source, String(Number(node.text) + 1), "literal + 1")];
  return [];
}

function binaryMutations(node: ts.BinaryExpression, source: ts.SourceFile, checker: ts.TypeChecker): Edit[] {
  const kind = node.operatorToken.kind;
  const [left, right] = [node.left.getText(source), node.right.getText(source)];
  const operator = (text: string, name: string) => replace(node.operatorToken, source, text, name);
  const relational = RELATIONAL[kind];
  if (relational !== undefined) return [operator(relational.boundary, `off by one: ${relational.boundary}`), operator(relational.inverse, `inverted: ${relational.inverse}`)];
  switch (kind) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken: {
      const edits = [operator("!==", "=== -> !==")];
      if (isString(node.left, checker) && isString(node.right, checker)) edits.push(replace(node, source, `(${left}).includes(${right})`, "=== -> includes"));
      return edits;
    }
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return [operator("===", "!== -> ===")];
    case ts.SyntaxKind.AmpersandAmpersandToken:
      return [replace(node, source, `(${left})`, "drop right of &&"), replace(node, source, `(${right})`, "drop left of &&"), operator("||", "&& -> ||")];
    case ts.SyntaxKind.BarBarToken:
      return [replace(node, source, `(${left})`, "drop right of ||"), replace(node, source, `(${right})`, "drop left of ||"), operator("&&", "|| -> &&")];
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.MinusToken:
      if (!ts.isNumericLiteral(node.left) && !ts.isNumericLiteral(node.right)) return [];
      return [operator(kind === ts.SyntaxKind.PlusToken ? "-" : "+", kind === ts.SyntaxKind.PlusToken ? "+ -> -" : "- -> +")];
    default:
      return [];
  }
}

function isString(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = checker.getTypeAtLocation(node);
  return (type.flags & ts.TypeFlags.StringLike) !== 0;
}

function replace(node: ts.Node, source: ts.SourceFile, replacement: string, operator: string): Edit {
  return { operator, start: node.getStart(source), end: node.getEnd(), original: node.getText(source), replacement };
}
