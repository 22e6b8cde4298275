import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocatorHit } from '../../../../../preload/contract';
import { useLocate } from '../queries';
import { reasonText } from '../reasons';
import { useExpertsStore } from '../store';
import { AddAreaPicker } from './AddAreaPicker';
import { ProficiencyDots } from './ProficiencyDots';
import { PinyinReason } from '../../search/components/PinyinReason';

interface Picked {
  id: string;
  kind: 'knowledge' | 'category';
  label: string;
}

/**
 * The expertise locator, "who knows …": free text (Chinese or English, through the core's search) and/or picked
 * items and categories as chips; experts ranked by proficiency, breadth and availability, each rank explained in
 * one line from the core's reasons, with the areas that matched and how they were found.
 */
export function LocatorTab() {
  const { t } = useTranslation('experts');
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Picked[]>([]);
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    const h = setTimeout(() => setQuery(text), 250);
    return () => clearTimeout(h);
  }, [text]);
  const itemIds = picked.filter((p) => p.kind === 'knowledge').map((p) => p.id);
  const categoryIds = picked.filter((p) => p.kind === 'category').map((p) => p.id);
  const r = useLocate(query, itemIds, categoryIds);
  const asked = query.trim() !== '' || picked.length > 0;
  const top = r.data?.experts[0]?.score ?? 1;

  return (
    <div className="experts-locator">
      <div className="experts-toolbar">
        <input
          type="search"
          className="locator-query"
          value={text}
          placeholder={t('locator.placeholder')}
          aria-label={t('locator.placeholder')}
          data-testid="locator-query"
          onChange={(e) => setText(e.target.value)}
        />
        <button data-testid="locator-pick" onClick={() => setPicking((v) => !v)} aria-expanded={picking}>
          {t('locator.pick')}
        </button>
      </div>
      {picking && (
        <AddAreaPicker
          testId="locator-picker"
          placeholder={t('locator.pickPlaceholder')}
          exclude={new Set(picked.map((p) => p.id))}
          onClose={() => setPicking(false)}
          onPick={(n) => {
            setPicked((ps) => [
              ...ps,
              { id: n.id, kind: n.kind === 'category' ? 'category' : 'knowledge', label: n.label },
            ]);
            setPicking(false);
          }}
        />
      )}
      {picked.length > 0 && (
        <div className="chips" data-testid="locator-chips">
          {picked.map((p) => (
            <span key={p.id} className="chip">
              <span className={`kind-dot kind-${p.kind}`} /> {p.label}
              <button
                className="ghost"
                aria-label={t('locator.unpick', { label: p.label })}
                onClick={() => setPicked((ps) => ps.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      {!asked ? (
        <p className="muted locator-hint">{t('locator.hint')}</p>
      ) : r.isError ? (
        <p className="error-text">{r.error.message}</p>
      ) : !r.data ? (
        <p className="muted" role="progressbar">
          {t('loading')}
        </p>
      ) : (
        <div className="locator-results" aria-busy={r.isFetching}>
          <p className="small" data-testid="locator-matches">
            {r.data.matches.length === 0
              ? t('locator.noMatches')
              : t('locator.matches', { count: r.data.matches.length })}{' '}
            {r.data.matches.slice(0, 12).map((m) => (
              <span key={m.id} className="match-tag" title={t(`via.${m.via}`)} data-via={m.via}>
                {m.label}{' '}
                <span className="muted">
                  ({t(`via.${m.via}`)}
                  {m.pinyin && (
                    <>
                      {t('separator')}
                      <PinyinReason pinyin={m.pinyin} />
                    </>
                  )}
                  )
                </span>
              </span>
            ))}
            {r.data.matches.length > 12 && <span className="muted"> +{r.data.matches.length - 12}</span>}
          </p>
          {r.data.experts.length === 0 ? (
            <p className="muted">{t('locator.nobody')}</p>
          ) : (
            <ol className="locator-list" data-testid="locator-results">
              {r.data.experts.map((h, i) => (
                <LocatorRow key={h.id} hit={h} rank={i + 1} top={top} />
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}

function LocatorRow({ hit, rank, top }: { hit: LocatorHit; rank: number; top: number }) {
  const { t } = useTranslation('experts');
  const openProfile = useExpertsStore((s) => s.openProfile);
  return (
    <li className="locator-hit" data-testid="locator-hit" data-id={hit.id}>
      <span className="rank">{rank}</span>
      <div className="locator-hit-main">
        <div className="locator-hit-head">
          <button className="link" onClick={() => openProfile(hit.id)}>
            <strong>{hit.label}</strong>
          </button>
          <span className="muted small">{[hit.title, hit.department].filter(Boolean).join(' · ')}</span>
          <span className="score-bar" title={t('locator.score', { score: hit.score.toFixed(2) })}>
            <span style={{ width: `${Math.round((hit.score / (top || 1)) * 100)}%` }} />
          </span>
          <span className="small">{hit.score.toFixed(2)}</span>
          <ProficiencyDots value={hit.bestProficiency} />
        </div>
        <div className="small locator-why" data-testid="locator-why">
          {hit.reasons.map(reasonText).join(t('separator'))}
        </div>
        <div className="muted small">{hit.knows.map((k) => `${k.label} ${k.proficiency}`).join('、')}</div>
      </div>
    </li>
  );
}
