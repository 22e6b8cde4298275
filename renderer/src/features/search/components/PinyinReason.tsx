import { useTranslation } from 'react-i18next';
import type { PinyinMatch } from '../../../../../preload/contract';

/**
 * Why a node hit matched a query typed as pinyin (issue 11 §1; the core's PinyinMatch): "拼音 zsgl → 知识管理", plus
 * whether it matched an alias or a glossary term's synonym ("（词典同义词）"), named when only part of it matched; the tooltip gives
 * the reading and says that document text is not searched by pinyin. Nothing for a text hit (`pinyin` absent).
 * Used by the map's search box, Ctrl+K's node rows and the expertise locator's matched areas.
 */
export function PinyinReason({ pinyin, className }: { pinyin?: PinyinMatch; className?: string }) {
  const { t } = useTranslation('search');
  if (!pinyin) return null;
  // The name that matched, when it is not the label: named unless the matched characters are all of it.
  const whole = pinyin.matched === pinyin.name;
  const where =
    pinyin.field === 'alias'
      ? whole
        ? t('pinyin.inAlias')
        : t('pinyin.inAliasOf', { name: pinyin.name })
      : pinyin.field === 'glossary'
        ? whole
          ? t('pinyin.inGlossary')
          : t('pinyin.inGlossaryOf', { name: pinyin.name })
        : '';
  return (
    <span
      className={className ? `pinyin-reason ${className}` : 'pinyin-reason'}
      data-testid="pinyin-reason"
      title={t('pinyin.title', { reading: pinyin.reading })}
    >
      {t('pinyin.reason', { typed: pinyin.typed, matched: pinyin.matched })}
      {where}
    </span>
  );
}
