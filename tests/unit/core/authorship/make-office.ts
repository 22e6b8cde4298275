import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Writes a minimal Word package of our own: one paragraph of text, and `docProps/core.xml` with the given
 * `dc:creator` (raw field text, escaped here) and `cp:lastModifiedBy`, which is not an author.
 */
export function writeDocx(
  file: string,
  text: string,
  creator: string,
  lastModifiedBy = 'Someone Else',
): void {
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        `<w:p><w:r><w:t>${esc(text)}</w:t></w:r></w:p></w:body></w:document>`,
    ),
    'docProps/core.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/">' +
        `<dc:title>t</dc:title><dc:creator>${esc(creator)}</dc:creator>` +
        `<cp:lastModifiedBy>${esc(lastModifiedBy)}</cp:lastModifiedBy></cp:coreProperties>`,
    ),
  };
  fs.writeFileSync(file, zipSync(files));
}

/** Writes an XLSX with exceljs, its `workbook.creator` set (exceljs writes it as docProps/core.xml dc:creator). */
export async function writeXlsx(file: string, creator: string, cell: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = 'Not An Author';
  wb.addWorksheet('工艺').getCell('A1').value = cell;
  await wb.xlsx.writeFile(file);
}
