import ts from 'typescript';

/** One user-visible string that does not come from an i18n lookup. */
export interface Finding {
  /** 1-based line of the string. */
  line: number;
  /** The text as written, trimmed (template literals with `${…}` for each substitution). */
  text: string;
  /** Where it appears: `jsx text`, `title=`, `notify()`, … */
  where: string;
}

/**
 * JSX attributes whose value the user reads or hears. Everything else (className, data-testid, type, role, href…)
 * is code, not text.
 */
export const TEXT_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
]);

/** Calls whose first argument is shown to the user: toasts and the browser's own dialogs. */
export const TEXT_CALLS = new Set(['notify', 'confirm', 'alert', 'prompt']);

/** Any letter of any script: Latin, Han, kana… A string without one (`⤳`, `＋`, `×`, `·`, `1–5`) is a symbol. */
const LETTER = /\p{L}/u;

/**
 * Finds hard-coded user-visible text in one TSX/TS source: JSX text, string literals given to the attributes in
 * TEXT_ATTRIBUTES or rendered as JSX children, and string arguments of TEXT_CALLS (`notify('Saved')`). Inside such
 * a position it follows the branches that become the shown value — `a ? 'x' : 'y'`, `a ?? 'x'`, `'x' + y`,
 * template literals, parentheses — but never into a call, so `t('map:toolbar.fit')` and `t(`status.${s}`)` are
 * lookups, not text. Only strings with a letter count (see LETTER).
 * @param fileName used for the script kind (`.tsx` parses JSX)
 */
export function findHardcodedText(fileName: string, source: string): Finding[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string, where: string, always = false) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!always && !LETTER.test(trimmed)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    found.push({ line, text: trimmed, where });
  };

  /** Reports the strings an expression evaluates to, following only the branches that can become its value. */
  const shown = (e: ts.Expression, where: string): void => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return report(e, e.text, where);
    if (ts.isTemplateExpression(e)) {
      const text = e.head.text + e.templateSpans.map((s) => '${…}' + s.literal.text).join('');
      report(e, text, where);
      for (const span of e.templateSpans) shown(span.expression, where);
      return;
    }
    if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e))
      return shown(e.expression, where);
    if (ts.isConditionalExpression(e)) {
      shown(e.whenTrue, where);
      return shown(e.whenFalse, where);
    }
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken) {
        shown(e.left, where);
        return shown(e.right, where);
      }
      if (
        op === ts.SyntaxKind.BarBarToken ||
        op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken
      ) {
        if (op !== ts.SyntaxKind.AmpersandAmpersandToken) shown(e.left, where);
        return shown(e.right, where);
      }
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      report(node, node.text, 'jsx text');
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      shown(node.expression, 'jsx child');
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      if (TEXT_ATTRIBUTES.has(name)) {
        const init = node.initializer;
        if (ts.isStringLiteral(init)) report(init, init.text, `${name}=`);
        else if (ts.isJsxExpression(init) && init.expression) shown(init.expression, `${name}=`);
      }
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (TEXT_CALLS.has(name)) {
        const arg = node.arguments[0]!;
        // Pieces glued together (`${t('undone')}: ${what}`) are a sentence no translator sees whole: one key
        // with interpolation instead, even when the glue has no letter.
        if (isConcatenation(arg)) report(arg, arg.getText(sf), `${name}() concatenation`, true);
        else shown(arg, `${name}()`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** A template literal with text around its substitutions, or a `+` of strings. */
function isConcatenation(e: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(e)) return isConcatenation(e.expression);
  if (ts.isTemplateExpression(e))
    return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].some((t) => t.trim() !== '');
  return ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken;
}
