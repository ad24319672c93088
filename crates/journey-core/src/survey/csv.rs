//! A CSV reader for what survey tools really export: a byte-order mark, CRLF or LF, `,` `;` or tab
//! separators, quoted fields with `""` escapes and line breaks inside. It works record by record
//! over borrowed text, so a caller can stop after any record and report progress.

/// One record with the line number (1-based) where it starts in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// A record read in place: each field a span of the file's text, or, for the few quoted fields
/// that hold `""` or text after their closing quote, of `unescaped`. Reading one costs no copy.
pub struct Row<'a> {
    pub line: usize,
    source: &'a str,
    /// (start, end); a start with `IN_UNESCAPED` set is in `unescaped`.
    spans: Vec<(u32, u32)>,
    unescaped: String,
}

const IN_UNESCAPED: u32 = 1 << 31;

impl<'a> Row<'a> {
    pub fn new(source: &'a str) -> Row<'a> {
        Row {
            line: 0,
            source,
            spans: Vec::new(),
            unescaped: String::new(),
        }
    }

    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<&str> {
        let &(start, end) = self.spans.get(i)?;
        Some(if start & IN_UNESCAPED != 0 {
            &self.unescaped[(start & !IN_UNESCAPED) as usize..end as usize]
        } else {
            &self.source[start as usize..end as usize]
        })
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

/// The cells of a record, by position: a `Record` of owned fields or a `Row` read in place.
pub trait Cells {
    fn line(&self) -> usize;
    fn cell(&self, i: usize) -> Option<&str>;
}

impl Cells for Record {
    fn line(&self) -> usize {
        self.line
    }

    fn cell(&self, i: usize) -> Option<&str> {
        self.fields.get(i).map(String::as_str)
    }
}

impl Cells for Row<'_> {
    fn line(&self) -> usize {
        self.line
    }

    #[inline(always)]
    fn cell(&self, i: usize) -> Option<&str> {
        self.get(i)
    }
}

pub struct CsvReader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    separator: u8,
    /// The bytes that end unquoted text: the separator and the line ends.
    stops: [bool; 256],
}

/// The separator that occurs most outside quotes in the first record (`,` when none does).
fn detect_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        candidates[best]
    }
}

impl<'a> CsvReader<'a> {
    pub fn new(text: &'a str) -> CsvReader<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let separator = detect_separator(text);
        let mut stops = [false; 256];
        for b in [separator, b'\n', b'\r'] {
            stops[usize::from(b)] = true;
        }
        CsvReader {
            bytes: text.as_bytes(),
            text,
            pos: 0,
            line: 1,
            separator,
            stops,
        }
    }

    pub fn separator(&self) -> char {
        char::from(self.separator)
    }

    /// Bytes read so far, for progress against the text's length.
    pub fn position(&self) -> usize {
        self.pos
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Consumes a line end at the current position, if there is one.
    fn line_end(&mut self) -> bool {
        match self.bytes.get(self.pos) {
            Some(b'\r') => {
                self.pos += if self.bytes.get(self.pos + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                self.line += 1;
                true
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
                true
            }
            _ => false,
        }
    }

    /// Appends a quoted field (the opening quote at the current position) to `field`.
    fn quoted_field(&mut self, field: &mut String) {
        self.pos += 1;
        let mut start = self.pos;
        while self.pos < self.bytes.len() {
            match self.bytes[self.pos] {
                b'"' if self.bytes.get(self.pos + 1) == Some(&b'"') => {
                    field.push_str(&self.text[start..=self.pos]);
                    self.pos += 2;
                    start = self.pos;
                }
                b'"' => {
                    field.push_str(&self.text[start..self.pos]);
                    self.pos += 1;
                    // Text after the closing quote, before the separator, is kept as written.
                    let rest = self.pos;
                    self.skip_plain();
                    field.push_str(&self.text[rest..self.pos]);
                    return;
                }
                b'\n' => {
                    self.line += 1;
                    self.pos += 1;
                }
                b'\r' => {
                    if self.bytes.get(self.pos + 1) != Some(&b'\n') {
                        self.line += 1;
                    }
                    self.pos += 1;
                }
                _ => self.pos += 1,
            }
        }
        // An unclosed quote runs to the end of the file.
        field.push_str(&self.text[start..]);
    }

    /// Moves past unquoted text up to the next separator or line end.
    // A plain loop: the size-optimised wasm build would call a closure per byte.
    #[inline(always)]
    fn skip_plain(&mut self) {
        let mut pos = self.pos;
        while pos < self.bytes.len() && !self.stops[usize::from(self.bytes[pos])] {
            pos += 1;
        }
        self.pos = pos;
    }

    /// The span of a quoted field (the opening quote at the current position): inside the
    /// quotes when it holds no `""` and nothing follows the closing quote, else in `unescaped`.
    fn quoted_span(&mut self, unescaped: &mut String) -> (u32, u32) {
        let open = self.pos + 1;
        let close = self.bytes[open..]
            .iter()
            .position(|&b| b == b'"')
            .map(|at| open + at);
        if let Some(close) = close {
            let after = close + 1;
            let plain_end = self
                .bytes
                .get(after)
                .is_none_or(|b| self.stops[usize::from(*b)]);
            if plain_end && self.bytes.get(after) != Some(&b'"') {
                let breaks = self.bytes[open..close]
                    .iter()
                    .enumerate()
                    .filter(|&(i, &b)| {
                        b == b'\n' || (b == b'\r' && self.bytes.get(open + i + 1) != Some(&b'\n'))
                    })
                    .count();
                self.line += breaks;
                self.pos = after;
                return (open as u32, close as u32);
            }
        }
        let start = unescaped.len() as u32 | IN_UNESCAPED;
        self.quoted_field(unescaped);
        (start, unescaped.len() as u32)
    }

    /// Reads the next record in place into `row`. False at the end of the text.
    pub fn read_row(&mut self, row: &mut Row<'a>) -> bool {
        while self.line_end() {}
        if self.pos >= self.bytes.len() {
            return false;
        }
        row.line = self.line;
        row.source = self.text;
        row.spans.clear();
        row.unescaped.clear();
        loop {
            let span = if self.bytes.get(self.pos) == Some(&b'"') {
                self.quoted_span(&mut row.unescaped)
            } else {
                let start = self.pos;
                self.skip_plain();
                (start as u32, self.pos as u32)
            };
            row.spans.push(span);
            if self.bytes.get(self.pos) == Some(&self.separator) {
                self.pos += 1;
                continue;
            }
            self.line_end();
            return true;
        }
    }

    /// Reads the next record into `record`, reusing its buffers (a large file then costs no
    /// allocation per field). False at the end of the text.
    pub fn read_into(&mut self, record: &mut Record) -> bool {
        // Blank lines between records are skipped.
        while self.line_end() {}
        if self.pos >= self.bytes.len() {
            return false;
        }
        record.line = self.line;
        let mut count = 0;
        loop {
            if count == record.fields.len() {
                record.fields.push(String::new());
            }
            let field = &mut record.fields[count];
            field.clear();
            if self.bytes.get(self.pos) == Some(&b'"') {
                self.quoted_field(field);
            } else {
                let start = self.pos;
                self.skip_plain();
                field.push_str(&self.text[start..self.pos]);
            }
            count += 1;
            if self.bytes.get(self.pos) == Some(&self.separator) {
                self.pos += 1;
                continue;
            }
            self.line_end();
            record.fields.truncate(count);
            return true;
        }
    }

    pub fn next_record(&mut self) -> Option<Record> {
        let mut record = Record {
            line: 0,
            fields: Vec::new(),
        };
        self.read_into(&mut record).then_some(record)
    }
}

impl Iterator for CsvReader<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.next_record()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        CsvReader::new(text).map(|r| (r.line, r.fields)).collect()
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn plain_rows_with_lf_or_crlf() {
        let expected = vec![(1, strings(&["a", "b"])), (2, strings(&["1", ""]))];
        assert_eq!(rows("a,b\n1,\n"), expected);
        assert_eq!(rows("a,b\r\n1,\r\n"), expected);
        assert_eq!(rows("a,b\r\n1,"), expected);
    }

    #[test]
    fn quotes_escape_separators_quotes_and_line_breaks() {
        let text = "\u{feff}id,\"Question\r\n(1-5)\",\"say \"\"hi\"\"\"\n7,\"a,b\",x\n";
        assert_eq!(
            rows(text),
            vec![
                (1, strings(&["id", "Question\r\n(1-5)", "say \"hi\""])),
                (3, strings(&["7", "a,b", "x"])),
            ]
        );
    }

    #[test]
    fn semicolons_and_tabs_are_detected() {
        let mut reader = CsvReader::new("a;b;\"c,d\"\n1;2;3\n");
        assert_eq!(reader.separator(), ';');
        assert_eq!(
            reader.next_record().unwrap().fields,
            strings(&["a", "b", "c,d"])
        );
        assert_eq!(CsvReader::new("a\tb\n").separator(), '\t');
        assert_eq!(CsvReader::new("single\n").separator(), ',');
    }

    #[test]
    fn blank_lines_are_skipped_and_line_numbers_kept() {
        assert_eq!(
            rows("a\n\n\nb\n"),
            vec![(1, strings(&["a"])), (4, strings(&["b"]))]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_the_file() {
        assert_eq!(
            rows("a,\"open\nrest"),
            vec![(1, strings(&["a", "open\nrest"]))]
        );
    }

    #[test]
    fn progress_reaches_the_end() {
        let mut reader = CsvReader::new("a,b\n1,2\n");
        while reader.next_record().is_some() {}
        assert_eq!(reader.position(), reader.len());
    }
}
