/**
 * 0008: OCR (issue 11 §3). `library_folders.ocr`: 1 (the default) when files without a text layer and image files of
 * the folder are recognised by OCR, 0 when the user turned it off for the folder. `document_pages.ocr`: 1 when the
 * page's text was recognised by OCR (a scanned PDF page, an image file), 0 when it was read from a text layer; the
 * search results and the viewer mark such pages.
 */
export const sql = `
ALTER TABLE library_folders ADD COLUMN ocr INTEGER NOT NULL DEFAULT 1;
ALTER TABLE document_pages ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
`;
