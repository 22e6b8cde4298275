/** The import wizard's dialog (issue 10 §1), shown while an import is under way. */
export function ImportWizard() {
  return null;
}
