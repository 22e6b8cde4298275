import path from 'node:path';
import { parseArgs } from 'node:util';
import { openWorkspaceDb } from '../core/db/workspace-db';
import { GraphStore } from '../core/graph/graph-store';
import { isWellspringError } from '../core/util/errors';
import { indexCommand, initCommand, searchCommand, statusCommand } from './library-commands';
import { REPORTS, reportCommand, type ReportName } from './report-commands';
import { inventoryCommand, riskCommand, simulateDepartureCommand } from './expert-commands';
import { snapshotCommand } from './snapshot-commands';
import { exportViewCommand } from './export-commands';
import { backupCommand, listBackupsCommand, restoreCommand } from './backup-commands';
import { taxonomyCommand, taxonomyMergeCommand } from './taxonomy-commands';
import { importCommand } from './import-commands';
import { exportWorkspaceCommand } from './transfer-commands';
import { captureCommand } from './capture-commands';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/view-export';
import { isTeamAddress } from '../core/team/team-url';
import {
  pullCommand,
  pushCommand,
  readableFile,
  teamAddUserCommand,
  teamAuditCommand,
  teamInitCommand,
  teamSetUnitCommand,
} from './team-commands';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../core/host/app-export';

/**
 * `npm run cli -- <command> [options]`: the command-line tool on the same core as the app.
 *
 *   init   --workspace FILE [--sample]          create a workspace (seeded with the sample workspace when --sample)
 *   stats  --workspace FILE [--json]            node and edge counts by kind
 *   index  FOLDER --workspace FILE [--json] [--max-mb N]   add a folder to the library and extract its documents
 *   search "QUERY" --workspace FILE [--json] [--limit N] [--type pdf]   full-text search
 *   status --workspace FILE [--json] [--problems]                       library folders and file statuses
 *   report gaps|strength|evidence --workspace FILE [--process NAME] [--format json|csv]   process knowledge reports
 *   report risk|inventory --workspace FILE [--format json|csv]   key-person risk ranking; knowledge inventory
 *   simulate-departure EXPERT [EXPERT…] --workspace FILE [--format json|csv]   what leaves with them (by id,
 *                                                 name or alias; nothing is written)
 *   snapshot --workspace FILE --view NAME --out FILE.html [--language zh-CN|en]   one self-contained offline
 *                                                 HTML file of a view (map, competency, a saved view's name,
 *                                                 process:NAME)
 *   backup --workspace FILE [--out FILE] · restore --workspace FILE --from BACKUP|latest · list-backups
 *                                                 --workspace FILE [--json]   checked copies of a workspace
 *   export-view --workspace FILE --view NAME --format png|svg|pdf --out FILE [--language zh-CN|en]   a view as a
 *                                                 picture (title, legend, date), drawn by the app in headless
 *                                                 Chromium
 *
 *   team init|add-user|set-unit|audit --workspace postgres://…   a team workspace on PostgreSQL (issue 13)
 *   push --workspace FILE --to postgres://… · pull --workspace postgres://… --out FILE
 *
 * Every --workspace also takes a team workspace address, postgres://user@host:port/database?schema=name (the
 * password from PGPASSWORD or ~/.pgpass, as for psql); the library stays on this computer.
 *
 * Exit codes: 0 done, 1 the command failed (message on stderr, with the error code), 2 bad usage.
 */
const USAGE = `Usage: npm run cli -- <command> [options]
  init   --workspace FILE [--sample]              create a workspace, optionally seeded with the sample
  stats  --workspace FILE [--json]                count nodes and edges by kind
  index  FOLDER --workspace FILE [--json] [--max-mb N]   index a folder's documents (files over N MB,
                                                 default 200, are skipped with a reason)
  search "QUERY" --workspace FILE [--json] [--limit N] [--type EXT]
  status --workspace FILE [--json] [--problems]   library folders and files with problems
  report gaps|strength|evidence --workspace FILE [--process NAME|ID] [--format json|csv]
                                                 knowledge gaps, strengths or evidence proposals
  report risk|inventory --workspace FILE [--format json|csv]
                                                 key-person risk ranking (highest first); knowledge inventory
  simulate-departure EXPERT [EXPERT…] --workspace FILE [--format json|csv]
                                                 departure simulation of experts given by id, name or alias
  snapshot --workspace FILE --view NAME --out FILE.html [--language zh-CN|en]
                                                 a view (map, competency, a saved view, process:NAME) as one
                                                 HTML file that opens offline in any browser
  export-view --workspace FILE --view NAME --format png|svg|pdf --out FILE [--language zh-CN|en]
                                                 the view as the app draws it, with its title, legend and date:
                                                 PNG at 2×, SVG with real text, PDF (A4 or A3); default zh-CN
  backup --workspace FILE [--out FILE]           a checked copy of the workspace (it may be open in the app);
                                                 default <userData>/backups/<name>-<hash>/manual/
  restore --workspace FILE --from BACKUP|latest  replace the workspace with a backup (close it in the app first);
                                                 the current file is kept as a before-restore backup
  list-backups --workspace FILE [--json]         the workspace's backups, newest first
  import FILE --workspace FILE [--mapping MAPPING.json] [--dry-run] [--format text|json]
         [--encoding UTF-8|UTF-8 BOM|UTF-16LE|UTF-16BE|GB18030|GBK|Big5] [--sheet NAME]
                                                 import a CSV, TSV or XLSX through a column mapping (a Wellspring
                                                 .json export needs none): every row checked first, problems with
                                                 their line; all or nothing, one undo step
  export --workspace FILE --format json|graphml|gexf|csv|cypher|cyjs --out PATH
                                                 the whole workspace for other tools (csv: a folder, one file per kind)
  capture aar|apprentice FORM.json --workspace FILE
                                                 submit a filled After Action Review or master–apprentice record
                                                 (nodes by id, name or alias; one undo step)
  taxonomy --workspace FILE [--format text|json] the category tree with item counts (own / with sub-categories)
  taxonomy merge FROM INTO --workspace FILE [--dry-run]
                                                 merge category FROM into INTO (id, name or alias), one undo step
  team init --workspace postgres://… [--sample]  create a team workspace (you become its first admin)
  team add-user NAME --role viewer|editor|admin [--unit UNIT]… --workspace postgres://…
                                                 add a member or change their role and units; a new login's
                                                 password is read from WELLSPRING_MEMBER_PASSWORD
  team set-unit UNIT|- [NODE…] [--tag TAG] [--kind KIND] --workspace postgres://…
                                                 the organisational unit whose editors may change these nodes
  team audit --workspace postgres://… [--node ID] [--format json|csv] [--out FILE]
                                                 who changed what, when, with before and after
  push --workspace FILE --to postgres://… [--unit UNIT]
                                                 copy a workspace into an empty team workspace (one transaction)
  pull --workspace postgres://… --out FILE       a read-only offline copy of a team workspace
Every --workspace FILE may be a team workspace address instead: postgres://user@host:port/database?schema=name
(password from PGPASSWORD or ~/.pgpass).`;

const COMMANDS = [
  'init',
  'stats',
  'index',
  'search',
  'status',
  'report',
  'simulate-departure',
  'snapshot',
  'export-view',
  'backup',
  'restore',
  'list-backups',
  'taxonomy',
  'import',
  'export',
  'capture',
  'team',
  'push',
  'pull',
];
const TEAM_ACTIONS = ['init', 'add-user', 'set-unit', 'audit'];

export async function runCli(argv: string[], out: (s: string) => void = console.log): Promise<number> {
  const [command, ...rest] = argv;
  let values: {
    workspace?: string;
    sample?: boolean;
    json?: boolean;
    problems?: boolean;
    limit?: string;
    type?: string[];
    'max-mb'?: string;
    process?: string;
    format?: string;
    view?: string;
    out?: string;
    language?: string;
    from?: string;
    'dry-run'?: boolean;
    mapping?: string;
    encoding?: string;
    sheet?: string;
    to?: string;
    unit?: string[];
    role?: string;
    tag?: string;
    kind?: string;
    node?: string;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      options: {
        workspace: { type: 'string' },
        sample: { type: 'boolean' },
        json: { type: 'boolean' },
        problems: { type: 'boolean' },
        limit: { type: 'string' },
        type: { type: 'string', multiple: true },
        'max-mb': { type: 'string' },
        process: { type: 'string' },
        format: { type: 'string' },
        view: { type: 'string' },
        out: { type: 'string' },
        language: { type: 'string' },
        from: { type: 'string' },
        'dry-run': { type: 'boolean' },
        mapping: { type: 'string' },
        encoding: { type: 'string' },
        sheet: { type: 'string' },
        to: { type: 'string' },
        unit: { type: 'string', multiple: true },
        role: { type: 'string' },
        tag: { type: 'string' },
        kind: { type: 'string' },
        node: { type: 'string' },
      },
      allowPositionals:
        command === 'index' ||
        command === 'search' ||
        command === 'report' ||
        command === 'simulate-departure' ||
        command === 'taxonomy' ||
        command === 'import' ||
        command === 'capture' ||
        command === 'team',
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const problem = usageProblem(command, values, positionals);
  if (problem !== null) {
    console.error(problem ? `wellspring: ${problem}\n${USAGE}` : USAGE);
    return 2;
  }
  const team = isTeamAddress(values.workspace!);
  const file = team ? values.workspace! : path.resolve(values.workspace!);
  try {
    if (command === 'team') {
      const action = positionals[0]!;
      if (action === 'init') return await teamInitCommand(file, values.sample === true, out);
      if (action === 'add-user')
        return await teamAddUserCommand(file, positionals[1]!, values.role!, values.unit ?? [], out);
      if (action === 'set-unit')
        return await teamSetUnitCommand(
          file,
          positionals[1]!,
          { ids: positionals.slice(2), tag: values.tag, kind: values.kind },
          out,
        );
      return await teamAuditCommand(
        file,
        { node: values.node, format: values.format === 'csv' ? 'csv' : 'json', out: values.out },
        out,
      );
    }
    if (command === 'push') return await pushCommand(file, values.to!, values.unit?.[0], out);
    if (command === 'pull') return pullCommand(file, values.out!, out);
    if (team && (command === 'backup' || command === 'restore' || command === 'list-backups')) {
      console.error(
        `wellspring: ${command} works on workspace files; a team workspace is backed up on its server (pg_dump), or copied with pull.`,
      );
      return 2;
    }
    const format = values.format ?? 'json';
    const language = (values.language ?? 'zh-CN') as ExportLanguage;
    if (command === 'snapshot')
      return await snapshotCommand(readableFile(file, team), values.view!, values.out!, language, out);
    if (command === 'export-view')
      return await exportViewCommand(
        readableFile(file, team),
        values.view!,
        values.format as ExportFormat,
        values.out!,
        language,
        out,
      );
    if (command === 'simulate-departure' && (format === 'json' || format === 'csv'))
      return await simulateDepartureCommand(file, positionals, format, out);
    if (command === 'report' && (format === 'json' || format === 'csv')) {
      const report = positionals[0]!;
      if (report === 'risk') return await riskCommand(file, format, out);
      if (report === 'inventory') return await inventoryCommand(file, format, out);
      return await reportCommand(file, report as ReportName, { format, process: values.process }, out);
    }
    if (command === 'index') {
      const maxMb = values['max-mb'] === undefined ? undefined : Number(values['max-mb']);
      if (maxMb !== undefined && !(maxMb > 0)) {
        console.error(`--max-mb must be a positive number\n${USAGE}`);
        return 2;
      }
      return await indexCommand(file, positionals[0]!, values.json === true, out, maxMb);
    }
    if (command === 'status')
      return await statusCommand(file, values.json === true, values.problems === true, out);
    if (command === 'search') {
      const limit = values.limit === undefined ? undefined : Number(values.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
        console.error(`--limit must be a positive whole number\n${USAGE}`);
        return 2;
      }
      return await searchCommand(
        file,
        positionals[0]!,
        { json: values.json === true, limit, types: values.type },
        out,
      );
    }
    if (command === 'init' && team) return await teamInitCommand(file, values.sample === true, out);
    if (command === 'init') return await initCommand(file, values.sample === true, out);
    if (command === 'import')
      return await importCommand(
        path.resolve(positionals[0]!),
        file,
        {
          mapping: values.mapping,
          dryRun: values['dry-run'] === true,
          format: values.format === 'json' ? 'json' : 'text',
          encoding: values.encoding,
          sheet: values.sheet,
        },
        out,
      );
    if (command === 'capture')
      return await captureCommand(
        file,
        positionals[0] as 'aar' | 'apprentice',
        path.resolve(positionals[1]!),
        out,
      );
    if (command === 'export')
      return await exportWorkspaceCommand(readableFile(file, team), values.format!, values.out!, out);
    if (command === 'taxonomy') {
      if (positionals[0] === 'merge')
        return await taxonomyMergeCommand(
          file,
          positionals[1]!,
          positionals[2]!,
          { dryRun: values['dry-run'] === true },
          out,
        );
      return await taxonomyCommand(file, values.format === 'json' ? 'json' : 'text', out);
    }
    if (command === 'backup') return await backupCommand(file, { out: values.out }, out);
    if (command === 'restore') return await restoreCommand(file, { from: values.from! }, out);
    if (command === 'list-backups')
      return await listBackupsCommand(file, { json: values.json === true }, out);
    const { db } = openWorkspaceDb(readableFile(file, team));
    try {
      const stats = new GraphStore(db).stats();
      if (values.json) out(JSON.stringify(stats, null, 2));
      else {
        out(`${stats.nodeTotal} nodes · ${stats.edgeTotal} edges`);
        const rows = (o: Record<string, number>) =>
          Object.entries(o)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `  ${k.padEnd(14)} ${String(n).padStart(6)}`)
            .join('\n');
        out(`nodes\n${rows(stats.nodes)}\nedges\n${rows(stats.edges)}`);
      }
    } finally {
      db.close();
    }
    return 0;
  } catch (e) {
    if (isWellspringError(e)) console.error(`wellspring: ${e.message} [${e.code}]`);
    else console.error(`wellspring: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const REPORT_NAMES: readonly string[] = [...REPORTS, 'risk', 'inventory'];

/**
 * What is wrong with a command line before anything is opened, in one line naming the value at fault ("" when
 * only the usage text helps: no command at all); null when it is fine.
 */
function usageProblem(
  command: string | undefined,
  values: {
    workspace?: string;
    format?: string;
    view?: string;
    out?: string;
    language?: string;
    from?: string;
    to?: string;
    role?: string;
  },
  positionals: string[],
): string | null {
  if (!command) return '';
  if (!COMMANDS.includes(command)) return `unknown command “${command}” (one of ${COMMANDS.join(', ')}).`;
  if (!values.workspace) return `${command} needs --workspace FILE.`;
  const teamUrl = isTeamAddress(values.workspace);
  if (command === 'team') {
    if (!teamUrl) return 'team commands need --workspace postgres://user@host:port/database?schema=name.';
    const action = positionals[0];
    if (!action || !TEAM_ACTIONS.includes(action)) return `team needs an action: ${TEAM_ACTIONS.join(', ')}.`;
    if (action === 'add-user' && (positionals.length !== 2 || !values.role))
      return 'team add-user needs NAME and --role viewer|editor|admin.';
    if (action === 'set-unit' && positionals.length < 2) return 'team set-unit needs UNIT (or - for none).';
    if (
      action === 'audit' &&
      values.format !== undefined &&
      values.format !== 'json' &&
      values.format !== 'csv'
    )
      return `unknown --format “${values.format}” (json or csv).`;
  }
  if (command === 'push') {
    if (teamUrl) return 'push copies a workspace FILE: --workspace FILE --to postgres://….';
    if (!values.to || !isTeamAddress(values.to))
      return 'push needs --to postgres://user@host:port/database?schema=name.';
  }
  if (command === 'pull') {
    if (!teamUrl) return 'pull needs --workspace postgres://user@host:port/database?schema=name.';
    if (!values.out?.trim()) return 'pull needs --out FILE.wellspring.';
  }
  const needsArg = command === 'index' || command === 'search' || command === 'report';
  if (needsArg && positionals.length !== 1)
    return positionals.length === 0
      ? `${command} needs ${command === 'report' ? 'a report name' : command === 'index' ? 'a folder' : 'a query'}.`
      : `${command} takes one ${command === 'report' ? 'report name' : 'argument'}, not ${positionals.length} (${positionals.join(' ')}).`;
  if (command === 'report' && !REPORT_NAMES.includes(positionals[0]!))
    return `unknown report “${positionals[0]}” (one of ${REPORT_NAMES.join(', ')}).`;
  if (command === 'simulate-departure') {
    if (positionals.length === 0) return 'simulate-departure needs at least one expert id or name.';
    const blank = positionals.findIndex((p) => p.trim() === '');
    if (blank >= 0) return `expert #${blank + 1} is empty: give an id or a name.`;
  }
  if (
    (command === 'snapshot' || command === 'export-view') &&
    values.language !== undefined &&
    !(EXPORT_LANGUAGES as readonly string[]).includes(values.language)
  )
    return `unknown --language “${values.language}” (zh-CN or en).`;
  if (command === 'restore' && !values.from?.trim()) return 'restore needs --from BACKUP or latest.';
  if (command === 'import') {
    if (positionals.length !== 1)
      return positionals.length === 0
        ? 'import needs the FILE to import (CSV, TSV, XLSX or a Wellspring .json export).'
        : `import takes one file, not ${positionals.length} (${positionals.join(' ')}).`;
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
      return `unknown --format “${values.format}” (text or json).`;
  }
  if (command === 'capture') {
    if (positionals[0] !== 'aar' && positionals[0] !== 'apprentice')
      return 'capture needs the form: aar or apprentice.';
    if (positionals.length !== 2) return `capture ${positionals[0]} needs the filled FORM.json.`;
  }
  if (command === 'export') {
    if (values.format === undefined) return 'export needs --format json, graphml, gexf, csv, cypher or cyjs.';
    if (!values.out?.trim()) return 'export needs --out PATH (a folder for csv).';
  }
  if (command === 'taxonomy') {
    if (positionals.length > 0 && positionals[0] !== 'merge')
      return `unknown taxonomy action “${positionals[0]}” (merge, or none for the tree).`;
    if (positionals[0] === 'merge' && positionals.length !== 3)
      return 'taxonomy merge needs FROM and INTO (a category id, name or alias each).';
    if (values.format !== undefined && values.format !== 'text' && values.format !== 'json')
      return `unknown --format “${values.format}” (text or json).`;
  }
  if (command === 'snapshot') {
    if (!values.view?.trim())
      return 'snapshot needs --view NAME (map, competency, a saved view, process:NAME).';
    if (!values.out?.trim()) return 'snapshot needs --out FILE.html.';
  }
  if (command === 'export-view') {
    if (!values.view?.trim())
      return 'export-view needs --view NAME (map, competency, a saved view, process:NAME).';
    if (values.format === undefined) return 'export-view needs --format png, svg or pdf.';
    if (!(EXPORT_FORMATS as readonly string[]).includes(values.format))
      return `unknown --format “${values.format}” (png, svg or pdf).`;
    if (!values.out?.trim()) return `export-view needs --out FILE.${values.format}.`;
    const ext = path.extname(values.out).slice(1).toLowerCase();
    if (ext && ext !== values.format)
      return `--out “${values.out}” ends in .${ext} but --format is ${values.format}: make them agree.`;
  }
  if ((command === 'report' || command === 'simulate-departure') && values.format !== undefined)
    if (values.format !== 'json' && values.format !== 'csv')
      return `unknown --format “${values.format}” (json or csv).`;
  return null;
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
