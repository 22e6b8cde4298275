import { isDeepStrictEqual } from 'node:util';
import type { CaptureFormKind, CaptureTemplateState } from '../../../preload/contract';
import type { MetaAccess } from '../db/meta-table';
import { defaultTemplate } from './default-templates';
import { validateCaptureTemplate } from './template-rules';

/** The `meta` key under which a workspace keeps the knowledge manager's template of a form (JSON). */
export function templateKey(form: CaptureFormKind): string {
  return `capture_template_${form}`;
}

/**
 * The capture forms' templates of one workspace, as strength settings are kept (analytics/strength-settings.ts):
 * JSON in `meta`, validated on write, not part of the undo history (templates are settings, not graph content).
 * Only a template that differs from the default is stored, so a workspace follows improvements of the default
 * until its knowledge manager changes something.
 */
export class CaptureTemplateStore {
  constructor(private readonly meta: MetaAccess) {}

  /**
   * The form's template: the stored one when it is present and still valid, else the default (a value that a newer
   * or hand-edited file stored and that no longer validates must not keep the form from opening).
   */
  get(form: CaptureFormKind): CaptureTemplateState {
    const raw = this.meta.get(templateKey(form));
    if (raw !== null) {
      try {
        const template = validateCaptureTemplate(JSON.parse(raw));
        if (template.form === form) return { template, customised: true };
      } catch {
        // Falls back to the default below.
      }
    }
    return { template: defaultTemplate(form), customised: false };
  }

  /**
   * Validates and stores an edited template (a template equal to the default removes the stored one).
   * @returns the template now in use
   * @throws see validateCaptureTemplate; nothing is stored then
   */
  set(input: unknown): CaptureTemplateState {
    const template = validateCaptureTemplate(input);
    if (isDeepStrictEqual(template, defaultTemplate(template.form))) return this.reset(template.form);
    this.meta.set(templateKey(template.form), JSON.stringify(template));
    return { template, customised: true };
  }

  /** Goes back to the default template of `form`. */
  reset(form: CaptureFormKind): CaptureTemplateState {
    this.meta.delete(templateKey(form));
    return { template: defaultTemplate(form), customised: false };
  }
}
