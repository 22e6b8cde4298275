import path from 'node:path';
import type { GraphDto, NodeDto } from '../../../../preload/contract';
import { openWorkspaceDb } from '../../../../main/core/db/workspace-db';
import { GraphStore } from '../../../../main/core/graph/graph-store';
import { seedSample } from '../../../../main/core/sample/seed-sample';
import { tempDir } from '../../helpers';

/** The bundled sample workspace's graph (its 18 glossary terms among the rest), read back through the store. */
export function sampleGraph(): GraphDto {
  const { db } = openWorkspaceDb(path.join(tempDir(), 'sample.wellspring'), { create: true });
  try {
    seedSample(db);
    return new GraphStore(db).getGraph();
  } finally {
    db.close();
  }
}

/** A term node for pure tests (props as NODE_PROPS.term). */
export function termNode(
  id: string,
  label: string,
  names: { aliases?: string[]; synonyms?: string[]; en?: string; zh?: string; definition?: string } = {},
): NodeDto {
  const translations: { en?: string; zh?: string } = {};
  if (names.en) translations.en = names.en;
  if (names.zh) translations.zh = names.zh;
  return {
    id,
    kind: 'term',
    label,
    aliases: names.aliases ?? [],
    description: names.definition ?? '',
    tags: [],
    props: { definition: names.definition ?? '', synonyms: names.synonyms ?? [], translations },
    x: null,
    y: null,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

/**
 * The glossary entry the example needs (issue 10 §3): the sample has the knowledge item 客户档案卡 with the
 * aliases “Customer profile card” and 客户资料卡, but no glossary term for it.
 */
export const PROFILE_CARD_TERM = {
  label: '客户档案卡',
  aliases: ['Customer profile card'],
  synonyms: ['客户资料卡'],
  en: 'customer profile card',
  zh: '客户档案卡',
  definition: '团体定制客户的基本信息、关键联系人和往来记录,在商机确认阶段建立。',
};
