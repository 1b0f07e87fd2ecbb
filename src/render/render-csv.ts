import type { Report } from '../core/report';

/**
 * The calls of a report as CSV (RFC 4180, CRLF), for spreadsheets. Cells that a spreadsheet
 * would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) get a
 * leading apostrophe, so a caller id like `=HYPERLINK(...)` stays text. Phone numbers such as
 * `+4420...` are affected too: the apostrophe only hides in the spreadsheet.
 */
export function renderCsv(report: Report): string {
  const header = [
    'start',
    'direction',
    'from',
    'from name',
    'to',
    'to name',
    'answered',
    'talk seconds',
    'wait seconds',
  ];
  const lines = [header.map(toCell).join(',')];
  for (const call of report.calls ?? []) {
    const cells = [
      call.start,
      call.direction,
      call.from,
      call.fromName,
      call.to,
      call.toName,
      call.answered ? 'yes' : 'no',
      call.talkSeconds,
      call.waitSeconds,
    ];
    lines.push(cells.map(toCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function toCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
