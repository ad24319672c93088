//! Which text encoding a survey file is in, told from its bytes. Decoding is left to each
//! platform's own decoder (the browser's `TextDecoder`, `encoding_rs` natively): this only says
//! which one to ask for and how many bytes of byte-order mark to skip.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// What Excel and older survey tools write on Windows for Western European text.
    Windows1252,
}

impl TextEncoding {
    pub const ALL: [TextEncoding; 4] = [
        TextEncoding::Utf8,
        TextEncoding::Utf16Le,
        TextEncoding::Utf16Be,
        TextEncoding::Windows1252,
    ];

    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }

    /// The name the WHATWG Encoding Standard (and so `TextDecoder` and `encoding_rs`) knows it by.
    pub fn whatwg_name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }

    pub fn named(name: &str) -> Option<TextEncoding> {
        TextEncoding::ALL
            .into_iter()
            .find(|e| e.whatwg_name() == name || e.label().eq_ignore_ascii_case(name))
    }

    /// The length of this encoding's byte-order mark at the start of `bytes` (0: none).
    pub fn bom_len(self, bytes: &[u8]) -> usize {
        let bom: &[u8] = match self {
            TextEncoding::Utf8 => &[0xEF, 0xBB, 0xBF],
            TextEncoding::Utf16Le => &[0xFF, 0xFE],
            TextEncoding::Utf16Be => &[0xFE, 0xFF],
            TextEncoding::Windows1252 => &[],
        };
        if !bom.is_empty() && bytes.starts_with(bom) {
            bom.len()
        } else {
            0
        }
    }
}

/// How much of the file the zero-byte pattern is read from.
const SNIFF: usize = 4096;

/// The encoding of a file: a byte-order mark decides; else UTF-16 text shows itself by a zero in
/// every other byte of its ASCII characters (its separators, digits and most headers); else the
/// file is UTF-8 if it is valid UTF-8 and Windows-1252 if it is not.
pub fn detect(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be;
    }
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    let pairs = head.len() / 2;
    if pairs > 0 {
        let zero_high = head
            .chunks_exact(2)
            .filter(|p| p[0] != 0 && p[1] == 0)
            .count();
        let zero_low = head
            .chunks_exact(2)
            .filter(|p| p[0] == 0 && p[1] != 0)
            .count();
        // Text that is mostly ASCII in UTF-16 has a zero in nearly every pair; UTF-8 and
        // Windows-1252 text has none.
        if zero_high * 10 >= pairs * 6 {
            return TextEncoding::Utf16Le;
        }
        if zero_low * 10 >= pairs * 6 {
            return TextEncoding::Utf16Be;
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    }
}

/// The import report's account of how the file was read: "read as UTF-16 LE, tab-separated".
pub fn reading_note(encoding: TextEncoding, separator: char) -> String {
    let separated = match separator {
        '\t' => "tab-separated",
        ';' => "semicolon-separated",
        _ => "comma-separated",
    };
    format!("read as {}, {separated}", encoding.label())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| {
                if little {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn byte_order_marks_decide() {
        assert_eq!(detect(b"\xEF\xBB\xBFa,b\n"), TextEncoding::Utf8);
        assert_eq!(detect(b"\xFF\xFEa\0"), TextEncoding::Utf16Le);
        assert_eq!(detect(b"\xFE\xFF\0a"), TextEncoding::Utf16Be);
        assert_eq!(TextEncoding::Utf16Le.bom_len(b"\xFF\xFEa\0"), 2);
        assert_eq!(TextEncoding::Utf8.bom_len(b"a,b"), 0);
    }

    #[test]
    fn utf16_without_a_mark_by_its_zero_bytes() {
        let text = "Respondent\tQ1\tQ2\r\n1\t5\t4\r\n";
        assert_eq!(detect(&utf16(text, true)), TextEncoding::Utf16Le);
        assert_eq!(detect(&utf16(text, false)), TextEncoding::Utf16Be);
        // Non-Latin text still has enough ASCII (separators, digits, line ends) to show.
        let cyrillic = "Ответ\tОценка\n1\t5\n2\t4\n3\t3\n4\t2\n";
        assert_eq!(detect(&utf16(cyrillic, true)), TextEncoding::Utf16Le);
    }

    #[test]
    fn utf8_unless_it_is_not_valid_utf8() {
        assert_eq!(
            detect("Café,Zufriedenheit\n".as_bytes()),
            TextEncoding::Utf8
        );
        assert_eq!(detect(b"Caf\xE9,Satisfaction\n"), TextEncoding::Windows1252);
        assert_eq!(detect(b""), TextEncoding::Utf8);
    }

    #[test]
    fn the_note_names_encoding_and_separator() {
        assert_eq!(
            reading_note(TextEncoding::Utf16Le, '\t'),
            "read as UTF-16 LE, tab-separated"
        );
        assert_eq!(
            reading_note(TextEncoding::Windows1252, ';'),
            "read as Windows-1252, semicolon-separated"
        );
        assert_eq!(TextEncoding::named("utf-16be"), Some(TextEncoding::Utf16Be));
    }
}
