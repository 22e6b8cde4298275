import i18n from '../../i18n';

/**
 * Translates a reason from the core (`{ key, params }`): keys carry their namespace (`experts:locate.breadth`);
 * a bare key is read in the experts namespace.
 */
export function reasonText(r: { key: string; params: Record<string, string | number> }): string {
  const key = r.key.includes(':') ? r.key : `experts:${r.key}`;
  return (i18n.t as (k: string, p: object) => string)(key, r.params);
}
