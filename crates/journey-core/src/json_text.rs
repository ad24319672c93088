//! Passes over JSON text that serde_json does not make: the path of a position
//! (`map.stages[2].name`), so a file that does not have the shape of a map gets a message that
//! says where (serde_json says where by line and column), and the pretty layout of compact JSON.

/// One open object or array on the way to the position.
enum Level {
    /// The key whose value is being read, once its name is complete.
    Object { key: Option<String>, in_value: bool },
    /// The item being read, once it has begun.
    Array { index: usize, started: bool },
}

/// The path of the value being read at byte `offset` of `json`: keys joined by dots, array
/// indexes in brackets, `.` for the whole document. The text before `offset` must be JSON
/// (serde_json stops at the first thing it cannot read, so it is).
pub fn path_at(json: &str, offset: usize) -> String {
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut levels: Vec<Level> = Vec::new();
    let mut at = 0;
    while at < end {
        let byte = bytes[at];
        if let Some(Level::Array { started, .. }) = levels.last_mut() {
            if !matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']') {
                *started = true;
            }
        }
        match byte {
            b'{' => levels.push(Level::Object {
                key: None,
                in_value: false,
            }),
            b'[' => levels.push(Level::Array {
                index: 0,
                started: false,
            }),
            b'}' | b']' => {
                levels.pop();
            }
            b':' => {
                if let Some(Level::Object { in_value, .. }) = levels.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match levels.last_mut() {
                Some(Level::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                Some(Level::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                None => {}
            },
            b'"' => {
                let close = string_end(bytes, at);
                if let Some(Level::Object { key, in_value }) = levels.last_mut() {
                    if !*in_value && close < end {
                        *key = serde_json::from_str(&json[at..=close]).ok();
                    }
                }
                at = close;
            }
            _ => {}
        }
        at += 1;
    }
    // serde_json points before a value it refused at a glance, and after one it had to read.
    let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
    if next.is_some_and(|b| {
        matches!(
            b,
            b'[' | b'{' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
        )
    }) {
        if let Some(Level::Array { started, .. }) = levels.last_mut() {
            *started = true;
        }
    }
    let mut path = String::new();
    for level in &levels {
        match level {
            Level::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Level::Object { key: None, .. } => {}
            Level::Array {
                index,
                started: true,
            } => path.push_str(&format!("[{index}]")),
            Level::Array { .. } => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// Lays compact JSON out the way serde_json's pretty printer does (two spaces a level). Done on
/// the text, so the app carries one serialiser for every type instead of a compact and a pretty.
pub fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let new_line = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    let mut at = 0;
    while at < bytes.len() {
        // Outside strings compact JSON is ASCII, so a byte is a character.
        match bytes[at] {
            b'"' => {
                let close = string_end(bytes, at);
                out.push_str(&compact[at..=close]);
                at = close;
            }
            open @ (b'{' | b'[') if matches!(bytes.get(at + 1), Some(b'}' | b']')) => {
                out.push(char::from(open));
                out.push(char::from(bytes[at + 1]));
                at += 1;
            }
            open @ (b'{' | b'[') => {
                out.push(char::from(open));
                depth += 1;
                new_line(&mut out, depth);
            }
            close @ (b'}' | b']') => {
                depth = depth.saturating_sub(1);
                new_line(&mut out, depth);
                out.push(char::from(close));
            }
            b',' => {
                out.push(',');
                new_line(&mut out, depth);
            }
            b':' => out.push_str(": "),
            other => out.push(char::from(other)),
        }
        at += 1;
    }
    out
}

/// The same JSON without whitespace outside strings, so text read back from a pretty file equals
/// the compact text it was written from.
pub fn compact(json: &str) -> String {
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let close = string_end(bytes, at);
                out.push_str(&json[at..=close]);
                at = close;
            }
            b' ' | b'\n' | b'\r' | b'\t' => {}
            other => out.push(char::from(other)),
        }
        at += 1;
    }
    out
}

/// The index of the quote that closes the string opening at `open` (or the last byte).
fn string_end(bytes: &[u8], open: usize) -> usize {
    let mut at = open + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    bytes.len().saturating_sub(1)
}

/// The byte offset serde_json's error points at (it counts lines from 1 and bytes within one).
pub fn offset_of(json: &str, error: &serde_json::Error) -> usize {
    let line_start: usize = json
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + error.column()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_keys_and_indexes() {
        let json = r#"{"map":{"stages":[{"id":1},{"id":2,"name":5}]}}"#;
        let at = json.find('5').unwrap() + 1;
        assert_eq!(path_at(json, at), "map.stages[1].name");
        assert_eq!(path_at(json, 1), ".");
        let key_read = json.find("\"stages\"").unwrap() + "\"stages\"".len();
        assert_eq!(path_at(json, key_read), "map.stages");
    }

    #[test]
    fn a_closed_object_gives_back_its_own_place() {
        let json = r#"{"map":{"stages":[{"id":1}]}}"#;
        let after = json.find('}').unwrap() + 1;
        assert_eq!(path_at(json, after), "map.stages[0]");
    }

    #[test]
    fn brackets_quotes_and_escapes_inside_strings_are_text() {
        let json = r#"{"a":"x\"],{[\\","b":[1,"]",3]}"#;
        let at = json.rfind('3').unwrap() + 1;
        assert_eq!(path_at(json, at), "b[2]");
        let keyed = r#"{"we\"ird":true}"#;
        assert_eq!(path_at(keyed, keyed.len() - 1), "we\"ird");
    }

    #[test]
    fn compact_undoes_indent_and_keeps_spaces_in_strings() {
        let json = r#"{"a":[1,{"b":"x \" ] y"}],"c":{}}"#;
        assert_eq!(compact(&indent(json)), json);
    }

    #[test]
    fn serde_positions_become_offsets() {
        let json = "{\n  \"a\": [\n    1,\n    x\n  ]\n}";
        let error = serde_json::from_str::<serde_json::Value>(json).unwrap_err();
        assert_eq!(
            &json[..offset_of(json, &error)],
            "{\n  \"a\": [\n    1,\n    x"
        );
    }
}
