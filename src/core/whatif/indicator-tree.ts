/**
 * The parsed expression checked before anything runs: length and nesting on the
 * text (the parser is recursive), then node by node: numbers, known fields, `pi`,
 * allowed operators and scalar functions only, every refusal with the 1-based
 * position of the character at fault. And the tree as plain arithmetic, when it is
 * only that. No mathjs import: the tree is read through its plain properties.
 */
import { WhatifInputError } from './errors';
import type { Arith } from './indicator-formula';
import { INDICATOR_FIELDS, isIndicatorField, type IndicatorField } from './indicator-fields';

export const MAX_EXPRESSION_LENGTH = 500;
export const MAX_NESTING = 20;
export const MAX_NODES = 200;

const FUNCTIONS: ReadonlySet<string> = new Set(['abs', 'min', 'max', 'round', 'floor', 'ceil', 'sqrt', 'exp', 'log', 'log10', 'pow', 'sign']);
const OPERATORS: ReadonlySet<string> = new Set([
  'add', 'subtract', 'multiply', 'divide', 'unaryMinus', 'unaryPlus', 'pow',
  'larger', 'smaller', 'largerEq', 'smallerEq', 'equal', 'unequal', 'and', 'or', 'not',
]);
const CONSTANTS: ReadonlySet<string> = new Set(['pi']);

/** The parts of a mathjs node this module reads. */
export interface Node {
  type: string;
  value?: unknown;
  name?: string;
  fn?: Node | string;
  op?: string;
  args?: Node[];
  content?: Node;
  condition?: Node;
  trueExpr?: Node;
  falseExpr?: Node;
}

const IDENT_CHAR = /[A-Za-z0-9_$\u00C0-\u02AF\u0370-\u03FF]/;

/** 1-based position of `name` as a whole word in `text`, or null. */
function wordAt(text: string, name: string): number | null {
  let from = 0;
  for (;;) {
    const i = text.indexOf(name, from);
    if (i < 0) return null;
    const before = text[i - 1];
    const after = text[i + name.length];
    if ((before === undefined || !IDENT_CHAR.test(before)) && (after === undefined || !IDENT_CHAR.test(after))) return i + 1;
    from = i + 1;
  }
}

/** 1-based position of the first of `chars` in `text`, or null. */
function charAt(text: string, chars: string): number | null {
  for (let i = 0; i < text.length; i++) if (chars.includes(text[i])) return i + 1;
  return null;
}

/** 1-based position of an operator (`mod` as a word, `!` or `'` as a sign), or null. */
function opAt(text: string, op: string): number | null {
  if (/^[a-z]+$/i.test(op)) return wordAt(text, op);
  const i = text.indexOf(op);
  return i < 0 ? null : i + 1;
}

/** Where a forbidden construct starts, for the message. */
const CONSTRUCT_CHARS: Record<string, string> = {
  AccessorNode: '.[', IndexNode: '[', ArrayNode: '[', ObjectNode: '{', AssignmentNode: '=', FunctionAssignmentNode: '=',
  BlockNode: ';\n', RangeNode: ':', ConstantNode: '"\'',
};

export function checkText(expression: string): void {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new WhatifInputError('indicator-too-long', { max: MAX_EXPRESSION_LENGTH, length: expression.length }, MAX_EXPRESSION_LENGTH + 1);
  }
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      if (++depth > MAX_NESTING) throw new WhatifInputError('indicator-too-deep', { max: MAX_NESTING }, i + 1);
    } else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
}


function children(n: Node): Node[] {
  const out: Node[] = [];
  if (n.args) out.push(...n.args);
  if (n.content) out.push(n.content);
  if (n.condition) out.push(n.condition);
  if (n.trueExpr) out.push(n.trueExpr);
  if (n.falseExpr) out.push(n.falseExpr);
  return out;
}

function notAllowed(what: string, at: number | null): never {
  throw new WhatifInputError('indicator-not-allowed', { what }, at);
}

/** Walks the tree: counts nodes, allows only the constructs above, collects the fields read. */
export function validate(root: Node, expression: string): IndicatorField[] {
  const fields: IndicatorField[] = [];
  let count = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop() as Node;
    if (++count > MAX_NODES) throw new WhatifInputError('indicator-too-complex', { max: MAX_NODES }, null);
    switch (n.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number' || !Number.isFinite(n.value)) {
          notAllowed(String(n.value), typeof n.value === 'string' ? charAt(expression, CONSTRUCT_CHARS.ConstantNode) : wordAt(expression, String(n.value)));
        }
        break;
      case 'SymbolNode': {
        const name = n.name ?? '';
        if (isIndicatorField(name)) {
          if (!fields.includes(name)) fields.push(name);
        } else if (!CONSTANTS.has(name)) {
          throw new WhatifInputError('indicator-unknown-field', { name, known: INDICATOR_FIELDS.join(', ') }, wordAt(expression, name));
        }
        break;
      }
      case 'OperatorNode':
        if (!OPERATORS.has(String(n.fn))) notAllowed(n.op ?? String(n.fn), n.op ? opAt(expression, n.op) : null);
        break;
      case 'FunctionNode': {
        const fn = n.fn as Node;
        if (fn?.type !== 'SymbolNode') notAllowed(fn?.type.replace(/Node$/, '') ?? '()', charAt(expression, CONSTRUCT_CHARS[fn?.type] ?? '('));
        const name = fn.name ?? '';
        if (!FUNCTIONS.has(name)) notAllowed(name, wordAt(expression, name));
        break;
      }
      case 'ParenthesisNode':
      case 'ConditionalNode':
        break;
      default:
        notAllowed(n.type.replace(/Node$/, ''), charAt(expression, CONSTRUCT_CHARS[n.type] ?? ''));
    }
    // Function names are SymbolNodes under `fn`, checked above; only arguments are walked.
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return fields;
}

const ARITH_OPS: Record<string, '+' | '-' | '*' | '/'> = { add: '+', subtract: '-', multiply: '*', divide: '/' };

/** The tree as plain arithmetic, or null when it uses anything else. */
export function toArith(n: Node): Arith | null {
  switch (n.type) {
    case 'ConstantNode':
      return typeof n.value === 'number' ? { k: 'num', v: n.value } : null;
    case 'SymbolNode':
      return n.name && isIndicatorField(n.name) ? { k: 'field', name: n.name } : null;
    case 'ParenthesisNode': {
      const a = n.content ? toArith(n.content) : null;
      return a && { k: 'paren', a };
    }
    case 'OperatorNode': {
      const args = n.args ?? [];
      const fn = String(n.fn);
      if ((fn === 'unaryMinus' || fn === 'unaryPlus') && args.length === 1) {
        const a = toArith(args[0]);
        return a && { k: fn === 'unaryMinus' ? 'neg' : 'pos', a };
      }
      const op = ARITH_OPS[fn];
      if (!op || args.length !== 2) return null;
      const a = toArith(args[0]);
      const b = a && toArith(args[1]);
      return a && b && { k: 'bin', op, a, b };
    }
    default:
      return null;
  }
}
