import { describe, expect, it } from 'vitest';
import type { GraphDto } from '../../../../preload/contract';
import { CYPHER_BATCH, cypherName, cypherString, exportCypher } from '../../../../main/core/transfer/cypher';
import { edge, node } from '../../helpers';
import { arrangedSample, debianGraph } from './transfer-fixtures';

/**
 * The string literals of a Cypher script, decoded by the escape table of the Cypher manual ("Syntax →
 * Expressions → String literals"), written here independently of the exporter.
 */
function literals(script: string): string[] {
  const named: Record<string, string> = {
    t: '\t',
    b: '\b',
    n: '\n',
    r: '\r',
    f: '\f',
    "'": "'",
    '"': '"',
    '\\': '\\',
  };
  const out: string[] = [];
  for (const m of script.matchAll(/'((?:[^'\\\n]|\\.)*)'/g))
    out.push(
      m[1]!.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) =>
        e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : named[e]!,
      ),
    );
  return out;
}

describe('Cypher export', () => {
  it('escapes quotes, backslashes, line breaks and control characters as the Cypher manual says', () => {
    expect(cypherString('It\'s "C:\\temp"\n</script>')).toBe("'It\\'s \"C:\\\\temp\"\\n</script>'");
    expect(cypherString('a\r\nb\tc\u0001d\u000ce\bf')).toBe("'a\\r\\nb\\tc\\u0001d\\fe\\bf'");
    expect(cypherString('面料\uD800缩水')).toBe("'面料\uFFFD缩水'");
    expect(cypherString('😀')).toBe("'😀'");
    expect(cypherName('seciStage')).toBe('seciStage');
    expect(cypherName('prop.x')).toBe('`prop.x`');
    expect(cypherName('a`b')).toBe('`a``b`');
  });

  it('every node and relationship of the sample appears once, with its label per kind and type per edge kind', async () => {
    const ws = arrangedSample();
    try {
      const graph = ws.store.getGraph();
      const script = exportCypher(graph, ws.info().name);
      expect(script).toContain(
        'CREATE CONSTRAINT wellspring_node_id IF NOT EXISTS FOR (n:WellspringNode) REQUIRE n.id IS UNIQUE;',
      );
      const nodeRows = [...script.matchAll(/^ {2}\{id: '((?:[^'\\]|\\.)*)', p: /gm)];
      const edgeRows = [...script.matchAll(/^ {2}\{id: '((?:[^'\\]|\\.)*)', s: /gm)];
      expect(nodeRows.map((m) => m[1]).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
      expect(edgeRows.map((m) => m[1]).sort()).toEqual(graph.edges.map((e) => e.id).sort());
      expect(script).toContain('SET n:Knowledge, n += row.p;');
      expect(script).toContain('MERGE (s)-[r:DOCUMENTED_BY {id: row.id}]->(t)');
      expect(script).toContain('MERGE (s)-[r:PART_OF {id: row.id}]->(t)');
      // Statements: the constraint, then one per kind and batch of CYPHER_BATCH rows.
      const kinds =
        new Set(graph.nodes.map((n) => n.kind)).size + new Set(graph.edges.map((e) => e.kind)).size;
      expect(graph.nodes.filter((n) => n.kind === 'knowledge').length).toBeLessThan(CYPHER_BATCH);
      expect(script.match(/;\n/g)!.length).toBe(1 + kinds);
      // A term's translations (an object) is JSON text; its synonyms a list of strings; a weight stays a float.
      expect(script).toContain(`translations: '{"en":"Pattern / fit","zh":"版型"}'`);
      expect(script).toContain("synonyms: ['板型', '版']");
      expect(script).toMatch(/weight: \d\.\d+/);
      const texts = new Set(literals(script));
      for (const n of graph.nodes) {
        expect(texts.has(n.label), n.id).toBe(true);
        if (n.description) expect(texts.has(n.description), n.id).toBe(true);
      }
    } finally {
      await ws.shutdown();
    }
  });

  it('real Debian descriptions and tricky labels come back whole from the script', () => {
    const tricky = 'O\'Brien\'s "C:\\dir\\" notes\r\n</script><!-- x';
    const base = debianGraph();
    const graph: GraphDto = {
      nodes: [...base.nodes, { ...node("n'1", 'knowledge'), label: tricky, description: '多行\n说明' }],
      edges: [...base.edges, edge("n'1", base.nodes[0]!.id)],
    };
    const script = exportCypher(graph, 'Debian\n"teams"');
    expect(script.split('\n')[0]).toBe('// Wellspring workspace Debian "teams": 55 nodes, 41 relationships.');
    const texts = new Set(literals(script));
    for (const n of graph.nodes) {
      expect(texts.has(n.id)).toBe(true);
      expect(texts.has(n.label)).toBe(true);
      expect(texts.has(n.description) || n.description === '').toBe(true);
    }
    // Outside string literals the script is plain Cypher: no raw line break sits inside a literal.
    expect(literals(script).some((t) => t === tricky)).toBe(true);
  });
});
