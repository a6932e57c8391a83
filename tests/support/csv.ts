/** Records of a CSV text as a spreadsheet reads them (RFC 4180: quoted cells may hold commas, quotes and line breaks). */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    record.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') endRecord();
    else if (c === '\r' && text[i + 1] === '\n') {
      i++;
      endRecord();
    } else cell += c;
  }
  if (cell || record.length) endRecord();
  return records;
}

/** Whether bytes start with the UTF-8 byte order mark (EF BB BF) that tells Excel the file is UTF-8. */
export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** A CSV answer's bytes: whether they start with the BOM, and its records (a UTF-8 decoder drops the BOM). */
export async function csvAnswer(response: Response): Promise<{ bom: boolean; records: string[][] }> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bom: startsWithBom(bytes), records: csvRecords(new TextDecoder().decode(bytes)) };
}
