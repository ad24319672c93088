//! The Journeyscope file format: one JSON document per map, tagged with a format name and the
//! schema version it was written in. Browser storage holds the same document, so files and stored
//! values share one reader and one migration path.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::json_text::{indent, offset_of, path_at};
use crate::model::JourneyMap;
use crate::score::block::{scores_block, ScoresBlock};
use crate::validate::{validate, validate_versions, ValidationError};

/// The largest map file read, far above what the map limits allow, so reading stays quick.
pub const MAX_FILE_BYTES: usize = 20 * 1_048_576;

/// The `format` tag every document carries, so a stray JSON file is told apart from a map.
pub const FORMAT_NAME: &str = "journeyscope-map";

/// The schema this build writes. Bump it with a migration step (see `MIGRATIONS`) whenever the
/// stored shape changes; never edit a released version's shape in place.
pub const SCHEMA_VERSION: u32 = 7;

/// Upgrade steps: `MIGRATIONS[n - 1]` turns a version-`n` document into version `n + 1`.
const MIGRATIONS: [fn(Value) -> Result<Value, ImportError>; SCHEMA_VERSION as usize - 1] =
    [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6, v6_to_v7];

/// Version 2 added the score: stage weights, card measures and the map's `scoring`. All of them
/// have defaults that mean "not measured", so a version-1 map reads as it is; only the number moves.
fn v1_to_v2(value: Value) -> Result<Value, ImportError> {
    Ok(value)
}

/// Version 3 added the stored value's `revision`. A value without one counts as revision 0, so
/// only the number moves; the version still moves so an older build leaves such values alone
/// instead of failing on a field it does not know.
fn v2_to_v3(value: Value) -> Result<Value, ImportError> {
    Ok(value)
}

/// Version 4 keeps respondents' sums grouped by the touchpoints they answered, so the loyalty
/// link follows the weights, and records where the weights came from. Version 3 kept only the
/// sums of each respondent's journey score under the weights at import: they move to
/// `at_import`, still shown, marked as computed with the weights at import.
fn v3_to_v4(mut value: Value) -> Result<Value, ImportError> {
    let loyalty = value
        .pointer_mut("/map/scoring/loyalty")
        .and_then(Value::as_array_mut);
    for entry in loyalty.into_iter().flatten() {
        if let Some(fields) = entry.as_object_mut() {
            if let Some(sums) = fields.remove("sums") {
                fields.insert("at_import".into(), sums);
            }
        }
    }
    Ok(value)
}

/// Version 5 added the map's saved versions. A map without any reads as it is; only the number
/// moves, so an older build leaves such maps alone instead of dropping their versions.
fn v4_to_v5(value: Value) -> Result<Value, ImportError> {
    Ok(value)
}

/// Version 6 added the to-be journey's link to its as-is map, touchpoint targets and the survey
/// mapping's segment-to-persona links. A map without them reads as it is; only the number
/// moves, so an older build leaves such maps alone instead of refusing the new fields.
fn v5_to_v6(value: Value) -> Result<Value, ImportError> {
    Ok(value)
}

/// Version 7 added the survey mapping's `date_order` and the `qualtrics_legacy` layout. A map
/// without them reads as it is; only the number moves.
fn v6_to_v7(value: Value) -> Result<Value, ImportError> {
    Ok(value)
}

/// A Journeyscope map file: one journey map, tagged with its format and schema version.
// Borrowed when written (no copy of the map), owned when read.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(title = "Journeyscope map file"))]
#[serde(deny_unknown_fields)]
pub struct Document<'a> {
    /// Always `journeyscope-map`.
    pub format: Cow<'a, str>,
    /// The schema version the document was written in.
    pub schema: u32,
    /// Browser storage only: how many saves this map has had, so a tab can tell that another
    /// tab wrote since it last read. Files leave it out. Written before the map, so a save reads
    /// it from the head of the stored value (`store::revision_in_head`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u64>,
    pub map: Cow<'a, JourneyMap>,
    /// Read-only results for other tools, written on export; ignored on import and recomputed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "skip_scores"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<ScoresBlock>"))]
    pub scores: Option<ScoresBlock>,
}

/// Passes over a file's scores block without building it: nothing reads it, and not deriving its
/// reader keeps that code out of the app.
fn skip_scores<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<ScoresBlock>, D::Error> {
    serde::de::IgnoredAny::deserialize(deserializer).map(|_| None)
}

impl<'a> Document<'a> {
    fn of(map: &'a JourneyMap, scores: Option<ScoresBlock>) -> Document<'a> {
        Document {
            format: Cow::Borrowed(FORMAT_NAME),
            schema: SCHEMA_VERSION,
            map: Cow::Borrowed(map),
            scores,
            revision: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    NotAJourneyMap,
    NewerSchema {
        found: u64,
    },
    UnknownSchema {
        found: String,
    },
    /// The JSON does not have the shape of a map; `path` says where (`map.stages[2].name`).
    Shape {
        path: String,
        message: String,
    },
    Invalid(Vec<ValidationError>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotJson {
                line,
                column,
                message,
            } => {
                write!(
                    f,
                    "not valid JSON at line {line}, column {column}: {message}"
                )
            }
            ImportError::TooLarge { bytes } => write!(
                f,
                "the file is {:.1} MB; Journeyscope reads map files up to {} MB",
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::NotAJourneyMap => write!(
                f,
                "this is JSON but not a Journeyscope map (it lacks \"format\": \"{FORMAT_NAME}\")"
            ),
            ImportError::NewerSchema { found } => write!(
                f,
                "this map was saved by a newer Journeyscope (schema {found}; this version reads \
                 up to {SCHEMA_VERSION})"
            ),
            ImportError::UnknownSchema { found } => {
                write!(f, "schema: {found} is not a Journeyscope schema version")
            }
            ImportError::Shape { path, message } => write!(f, "{path}: {message}"),
            ImportError::Invalid(errors) => {
                write!(f, "map.{}", errors[0])?;
                match errors.len() {
                    1 => Ok(()),
                    n => write!(
                        f,
                        " (and {} more problem{})",
                        n - 1,
                        if n == 2 { "" } else { "s" }
                    ),
                }
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// The document a user downloads: pretty-printed, ending in a newline.
pub fn export_json(map: &JourneyMap) -> String {
    let compact = serde_json::to_string(&Document::of(map, scores_block(map))).unwrap_or_default();
    let mut text = indent(&compact);
    text.push('\n');
    text
}

/// The same document without whitespace, for links where every byte counts.
pub fn compact_json(map: &JourneyMap) -> String {
    serde_json::to_string(&Document::of(map, None)).unwrap_or_default()
}

/// The download name for a map: `<name>.journey.json`, the name reduced to lower-case letters,
/// digits and dashes so it is safe on every file system.
pub fn export_file_name(map: &JourneyMap) -> String {
    format!("{}.journey.json", file_stem(map))
}

/// The map's name reduced to lower-case letters, digits and dashes, for file names.
pub fn file_stem(map: &JourneyMap) -> String {
    let mut stem = String::new();
    for c in map.name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "journey-map".to_string()
    } else {
        stem.to_string()
    }
}

/// Reads a document of any released schema version, migrates it and checks it.
pub fn import_json(text: &str) -> Result<JourneyMap, ImportError> {
    import_document(text).map(|(map, _)| map)
}

/// Reads a document as `import_json` does, with the stored revision (0 when it has none).
pub(crate) fn import_document(text: &str) -> Result<(JourneyMap, u64), ImportError> {
    let (map, revision) = read_map(text)?;
    let errors = validate_versions(&map);
    if errors.is_empty() {
        Ok((map, revision))
    } else {
        Err(ImportError::Invalid(errors))
    }
}

/// Reads a document's map without its versions, which a share link never carries: the embed
/// module then holds none of the code that reads them.
pub(crate) fn import_without_versions(text: &str) -> Result<JourneyMap, ImportError> {
    read_map(text).map(|(map, _)| map.snapshot())
}

/// Reads, migrates and checks a document's map, leaving its versions unread.
fn read_map(text: &str) -> Result<(JourneyMap, u64), ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A document of this version, the usual case, is read in one pass; any other goes through a
    // `Value` to be checked, migrated and, if it still does not fit, told where.
    let document = match serde_json::from_str::<Document>(text) {
        Ok(document) if document.format == FORMAT_NAME && document.schema == SCHEMA_VERSION => {
            document
        }
        _ => read_other(text)?,
    };
    let errors = validate(&document.map);
    if errors.is_empty() {
        Ok((document.map.into_owned(), document.revision.unwrap_or(0)))
    } else {
        Err(ImportError::Invalid(errors))
    }
}

/// Reads a document of an earlier schema, or one that the one-pass read refused, explaining why.
fn read_other(text: &str) -> Result<Document<'static>, ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        message: plain_serde_message(&e.to_string()),
    })?;
    let schema = match &value {
        Value::Object(fields) if fields.get("format") == Some(&Value::from(FORMAT_NAME)) => {
            fields.get("schema").cloned().unwrap_or(Value::Null)
        }
        _ => return Err(ImportError::NotAJourneyMap),
    };
    let version = match schema.as_u64() {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(ImportError::NewerSchema { found: v })
        }
        Some(v) if v >= 1 => v,
        _ => {
            return Err(ImportError::UnknownSchema {
                found: schema.to_string(),
            })
        }
    };
    // Read as one line of compact JSON, so an error's column says where it is in the document.
    let migrated = migrate(value, version)?.to_string();
    serde_json::from_str(&migrated).map_err(|e| ImportError::Shape {
        path: path_at(&migrated, offset_of(&migrated, &e)),
        message: plain_serde_message(&e.to_string()),
    })
}

/// Runs every step from `version` up to the current schema.
fn migrate(mut value: Value, version: u64) -> Result<Value, ImportError> {
    let first = usize::try_from(version - 1).unwrap_or(usize::MAX);
    for step in MIGRATIONS.iter().skip(first) {
        value = step(value)?;
    }
    if let Value::Object(fields) = &mut value {
        fields.insert("schema".into(), Value::from(SCHEMA_VERSION));
        // Scores are recomputed from the evidence; what a file claims is never trusted.
        fields.remove("scores");
    }
    Ok(value)
}

/// serde_json appends " at line L column C", which means nothing in a text the user never saw.
fn plain_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current_schema() -> String {
        format!("\"schema\": {SCHEMA_VERSION}")
    }
    use crate::model::{Stage, Weight};

    fn map() -> JourneyMap {
        let mut map = JourneyMap::empty("abc".into(), "Trip".into(), 1_700_000_000_000);
        map.stages.push(Stage {
            id: 2,
            name: "Plan".into(),
            description: Some("Before".into()),
            weight: Weight::default(),
        });
        map
    }

    #[test]
    fn export_is_pretty_tagged_and_ends_in_a_newline() {
        let text = export_json(&map());
        assert!(text.starts_with(&format!(
            "{{\n  \"format\": \"journeyscope-map\",\n  \"schema\": {SCHEMA_VERSION},\n"
        )));
        assert!(text.ends_with("}\n"));
        assert_eq!(import_json(&text), Ok(map()));
    }

    #[test]
    fn file_names_are_safe_and_readable() {
        let mut map = map();
        map.name = "  Q3 Checkout / Mobile: v2!  ".into();
        assert_eq!(export_file_name(&map), "q3-checkout-mobile-v2.journey.json");
        map.name = "Café Ärger".into();
        assert_eq!(export_file_name(&map), "café-ärger.journey.json");
        map.name = "***".into();
        assert_eq!(export_file_name(&map), "journey-map.journey.json");
    }

    #[test]
    fn compact_and_pretty_read_the_same() {
        assert_eq!(
            import_json(&compact_json(&map())),
            import_json(&export_json(&map()))
        );
    }

    #[test]
    fn a_files_scores_block_is_passed_over_whatever_it_holds() {
        let compact = compact_json(&map());
        let claims = r#","scores":{"all":"whatever","made_up":[1,{"x":null}]}}"#;
        let text = format!("{}{claims}", compact.strip_suffix('}').unwrap());
        assert_eq!(import_json(&text), Ok(map()));
        let broken = format!("{}{}", compact.strip_suffix('}').unwrap(), r#","scores":{"#);
        assert!(matches!(
            import_json(&broken),
            Err(ImportError::NotJson { .. })
        ));
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", export_json(&map()));
        assert_eq!(import_json(&text), Ok(map()));
    }

    #[test]
    fn broken_json_says_where() {
        let err = import_json("{\n  \"format\": \"journeyscope-map\",\n  \"schema\": 1,,\n}")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "not valid JSON at line 3, column 15: key must be a string"
        );
    }

    #[test]
    fn other_json_is_not_a_map() {
        assert_eq!(import_json("[1, 2]"), Err(ImportError::NotAJourneyMap));
        assert_eq!(
            import_json("{\"name\": \"x\"}"),
            Err(ImportError::NotAJourneyMap)
        );
    }

    #[test]
    fn schema_versions_outside_the_known_range_are_refused() {
        let newer = export_json(&map()).replace(&current_schema(), "\"schema\": 8");
        assert_eq!(
            import_json(&newer),
            Err(ImportError::NewerSchema { found: 8 })
        );
        assert!(import_json(&newer)
            .unwrap_err()
            .to_string()
            .contains("newer Journeyscope"));
        let zero = export_json(&map()).replace(&current_schema(), "\"schema\": 0");
        assert_eq!(
            import_json(&zero),
            Err(ImportError::UnknownSchema { found: "0".into() })
        );
        let text = export_json(&map()).replace(&current_schema(), "\"schema\": \"one\"");
        assert_eq!(
            import_json(&text).unwrap_err().to_string(),
            "schema: \"one\" is not a Journeyscope schema version"
        );
    }

    #[test]
    fn indenting_compact_json_matches_serde_jsons_pretty_printer() {
        let value = serde_json::json!({
            "empty": {}, "none": [], "nested": [[], [{}], {"a": [1, 2.5, -3e-7]}],
            "text": "a \"quoted\" {[,:]} \\ back\\slash \u{1F600}", "t": true, "n": null,
        });
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            indent(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
        let map = map();
        let document = Document::of(&map, None);
        assert_eq!(
            indent(&serde_json::to_string(&document).unwrap()),
            serde_json::to_string_pretty(&document).unwrap()
        );
    }

    fn any_json() -> impl proptest::strategy::Strategy<Value = Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<String>().prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
                proptest::collection::btree_map(any::<String>(), inner, 0..5)
                    .prop_map(|fields| Value::Object(fields.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_json_is_indented_as_serde_json_would(value in any_json()) {
            let compact = serde_json::to_string(&value).unwrap();
            proptest::prop_assert_eq!(indent(&compact), serde_json::to_string_pretty(&value).unwrap());
        }
    }

    #[test]
    fn a_wrong_shape_names_the_path() {
        let text = export_json(&map()).replace("\"name\": \"Plan\"", "\"name\": 5");
        assert_eq!(
            import_json(&text).unwrap_err().to_string(),
            "map.stages[0].name: invalid type: integer `5`, expected a string"
        );
        let text = export_json(&map()).replace("\"created\"", "\"craeted\"");
        assert!(import_json(&text)
            .unwrap_err()
            .to_string()
            .starts_with("map.craeted: unknown field `craeted`, expected one of `id`"));
    }

    #[test]
    fn an_inconsistent_map_names_the_path() {
        let text = export_json(&map()).replace("\"name\": \"Plan\"", "\"name\": \"\"");
        assert_eq!(
            import_json(&text).unwrap_err().to_string(),
            "map.stages[0].name: empty"
        );
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let text = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            import_json(&text).unwrap_err().to_string(),
            "the file is 20.0 MB; Journeyscope reads map files up to 20 MB"
        );
    }
}
