/** Reading the tables of the project's own documents in tests that hold them to the code. */

/**
 * The cells of the first table after the heading `title` (levels 2 to 4), header and separator
 * dropped, backticks and Markdown escapes removed.
 */
export function tableAfter(markdown: string, title: string): string[][] {
  const lines = markdown.split('\n')
  const start = lines.findIndex((l) => /^#{2,4} /.test(l) && l.replace(/^#+ /, '').trim() === title)
  if (start < 0) throw new Error(`no heading "${title}"`)
  const rows: string[][] = []
  let inTable = false
  for (const line of lines.slice(start + 1)) {
    if (/^#{2,4} /.test(line)) break
    if (line.startsWith('|')) {
      inTable = true
      rows.push(
        line
          .slice(1, -1)
          .split(/(?<!\\)\|/)
          .map((cell) => cell.trim().replaceAll('`', '').replaceAll(/\\(.)/g, '$1')),
      )
    } else if (inTable) break
  }
  return rows.slice(2)
}

/** A comma-separated cell as a list; an empty cell is an empty list. */
export const cellList = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
