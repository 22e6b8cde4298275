import { describe, expect, it } from 'vitest';
import { sameNameLocations, type ListedFile } from '../../../../../renderer/src/features/library/same-name';

const folders = new Map([
  [1, '/home/me/知识 文档'],
  [2, '/mnt/share/知识 文档/'],
  [3, 'C:\\Users\\me\\SOP'],
]);
let nextId = 1;
const file = (folderId: number, path: string): ListedFile => ({
  id: nextId++,
  folderId,
  path,
  name: path.split(/[\\/]/).pop()!,
});

describe('sameNameLocations', () => {
  it('shows the parent folder relative to the library folder, only for names listed more than once', () => {
    const top = file(1, '/home/me/知识 文档/合同.pdf');
    const sub = file(1, '/home/me/知识 文档/2024/采购/合同.pdf');
    const unique = file(1, '/home/me/知识 文档/2024/说明.md');
    const win = file(3, 'C:\\Users\\me\\SOP\\旧版\\合同.PDF'); // same name to a person: case is ignored
    const winUnique = file(3, 'C:\\Users\\me\\SOP\\readme.txt');
    const r = sameNameLocations([top, sub, unique, win, winUnique], folders);
    expect(Object.fromEntries(r)).toEqual({
      [top.id]: '知识 文档',
      [sub.id]: '知识 文档/2024/采购',
      [win.id]: 'SOP/旧版',
    });
  });

  it('falls back to the full parent folder when two library folders have the same name', () => {
    const a = file(1, '/home/me/知识 文档/周报.docx');
    const b = file(2, '/mnt/share/知识 文档/周报.docx');
    const c = file(2, '/mnt/share/知识 文档/归档/周报.docx');
    expect(Object.fromEntries(sameNameLocations([a, b, c], folders))).toEqual({
      [a.id]: '/home/me/知识 文档',
      [b.id]: '/mnt/share/知识 文档',
      [c.id]: '知识 文档/归档',
    });
  });

  it('does not take a sibling folder with a longer name for the library folder', () => {
    const a = file(1, '/home/me/知识 文档 旧/x.txt');
    const b = file(1, '/home/me/知识 文档/x.txt');
    expect(Object.fromEntries(sameNameLocations([a, b], folders))).toEqual({
      [a.id]: '/home/me/知识 文档 旧',
      [b.id]: '知识 文档',
    });
  });
});
