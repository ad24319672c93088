//! Share links: a whole map, its score evidence included, carried in the URL fragment so it never
//! reaches a server. The fragment text is `j1.` followed by the compact map document, zlib-deflated
//! and base64url-encoded without padding. zlib's Adler-32 checksum catches a link that was cut
//! short or changed, and the `j1` tag lets a later format be told apart and refused here. A map
//! of an as-is and to-be pair may carry the other map on a second line, so the reader can switch
//! between them; compact JSON never holds a raw line break, so the line is unambiguous.
//!
//! The deflating is the caller's: natively `encode` and `decode` use miniz_oxide (the `deflate`
//! feature); the browser has its own zlib in Compression Streams, so the web modules leave the
//! feature off and put `document`, `payload`, `packed_in` and `read_unpacked` around it.

use std::fmt;

#[cfg(feature = "deflate")]
use miniz_oxide::deflate::compress_to_vec_zlib;
#[cfg(feature = "deflate")]
use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};

use crate::format::{compact_json, import_without_versions, ImportError, MAX_FILE_BYTES};
use crate::model::JourneyMap;

/// The tag of the link format this build writes and reads.
const TAG: &str = "j1.";

/// Past this length some chat tools cut or refuse a link.
pub const LONG_FOR_CHAT: usize = 8 * 1024;
/// Past this length browsers may refuse the address; a file is the better way.
pub const LONG_FOR_BROWSERS: usize = 1_500_000;

/// What a link holds: a map, and for one of an as-is and to-be pair perhaps the other.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub map: JourneyMap,
    pub partner: Option<JourneyMap>,
}

/// The fragment payload for a map, and its partner when it is to go along.
#[cfg(feature = "deflate")]
pub fn encode(map: &JourneyMap, partner: Option<&JourneyMap>) -> String {
    payload(&compress_to_vec_zlib(document(map, partner).as_bytes(), 9))
}

/// What a link carries, to be zlib-deflated: the map as it is now, its saved versions staying
/// with the owner, and on a second line the partner likewise.
pub fn document(map: &JourneyMap, partner: Option<&JourneyMap>) -> String {
    let mut text = compact_json(&map.snapshot());
    if let Some(partner) = partner {
        text.push('\n');
        text.push_str(&compact_json(&partner.snapshot()));
    }
    text
}

/// The fragment payload for a zlib-deflated `document`.
pub fn payload(packed: &[u8]) -> String {
    let mut text = String::with_capacity(TAG.len() + packed.len() * 4 / 3 + 4);
    text.push_str(TAG);
    base64url_encode(packed, &mut text);
    text
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not a Journeyscope share link at all.
    NotALink,
    /// Made by a newer Journeyscope whose link format this build does not know.
    Newer { tag: String },
    /// A character that base64url does not use, at this position of the payload.
    BadCharacter { at: usize },
    /// The compressed data does not check out: cut short, or changed.
    Damaged,
    /// Unpacks to more than a map file may hold.
    TooLarge,
    /// Unpacks, but not to a map this build can read.
    Map(ImportError),
    /// Carries a second map that is neither the as-is nor the to-be journey of the first.
    NotAPair,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => f.write_str("this is not a Journeyscope share link"),
            LinkError::Newer { tag } => write!(
                f,
                "this link was made by a newer Journeyscope (link format \"{tag}\"); open it \
                 with that version, or ask for the map as a file"
            ),
            LinkError::BadCharacter { at } => write!(
                f,
                "the link has a character that does not belong in it (at position {at}); it \
                 may have been changed when it was copied"
            ),
            LinkError::Damaged => f.write_str(
                "the link is incomplete or was changed after it was made (its checksum does \
                 not match); ask for the link again, or for the map as a file",
            ),
            LinkError::TooLarge => write!(
                f,
                "the link unpacks to more than {} MB, more than a map may hold",
                MAX_FILE_BYTES / 1_048_576
            ),
            LinkError::Map(e) => write!(f, "the link holds a map that cannot be read: {e}"),
            LinkError::NotAPair => f.write_str(
                "the link's second map is neither the as-is nor the to-be journey of its first",
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// Reads a fragment payload back into its maps, checking each as a map file is checked.
#[cfg(feature = "deflate")]
pub fn decode(payload: &str) -> Result<Shared, LinkError> {
    let packed = packed_in(payload)?;
    let bytes =
        decompress_to_vec_zlib_with_limit(&packed, MAX_FILE_BYTES).map_err(|e| match e.status {
            TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Damaged,
        })?;
    read_unpacked(bytes)
}

/// The zlib data in a fragment payload, still to be inflated (to at most `MAX_FILE_BYTES`).
pub fn packed_in(payload: &str) -> Result<Vec<u8>, LinkError> {
    let Some(body) = payload.strip_prefix(TAG) else {
        return Err(match payload.split_once('.') {
            Some((tag, _)) if is_later_tag(tag) => LinkError::Newer {
                tag: tag.to_string(),
            },
            _ => LinkError::NotALink,
        });
    };
    // Base64 is 4/3 of the bytes; the packed map is never larger than the unpacked limit.
    if body.len() > MAX_FILE_BYTES / 3 * 4 + 4 {
        return Err(LinkError::TooLarge);
    }
    base64url_decode(body).map_err(|at| LinkError::BadCharacter { at: at + TAG.len() })
}

/// The maps in a payload's inflated bytes, each checked as a map file is checked.
pub fn read_unpacked(bytes: Vec<u8>) -> Result<Shared, LinkError> {
    let text = String::from_utf8(bytes).map_err(|_| LinkError::Damaged)?;
    let mut maps = text
        .splitn(2, '\n')
        .map(|line| import_without_versions(line).map_err(LinkError::Map));
    let map = maps.next().unwrap_or(Err(LinkError::Damaged))?;
    let partner = maps.next().transpose()?;
    let paired = |other: &JourneyMap| {
        other.id != map.id
            && (map.as_is.as_deref() == Some(other.id.as_str())
                || other.as_is.as_deref() == Some(map.id.as_str()))
    };
    if partner.as_ref().is_some_and(|p| !paired(p)) {
        return Err(LinkError::NotAPair);
    }
    Ok(Shared { map, partner })
}

/// `j2`, `j3`…: a link format from a later release.
fn is_later_tag(tag: &str) -> bool {
    tag.strip_prefix('j')
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n > 1)
}

/// How the link's length sits with what tools and browsers take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkLength {
    Fine,
    LongForChat,
    LongForBrowsers,
}

pub fn link_length(chars: usize) -> LinkLength {
    if chars > LONG_FOR_BROWSERS {
        LinkLength::LongForBrowsers
    } else if chars > LONG_FOR_CHAT {
        LinkLength::LongForChat
    } else {
        LinkLength::Fine
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
}

/// The bytes, or the index of the first character that is not base64url. A lone last character
/// (which no encoder writes) carries no whole byte and is dropped: a cut link then fails its
/// checksum and is reported as cut, not as a stray character.
fn base64url_decode(text: &str) -> Result<Vec<u8>, usize> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4);
    let mut n = 0u32;
    let mut held = 0;
    for (at, c) in text.bytes().enumerate() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(at),
        };
        n = n << 6 | u32::from(value);
        held += 1;
        if held == 4 {
            bytes.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8]);
            n = 0;
            held = 0;
        }
    }
    match held {
        2 => bytes.push((n >> 4) as u8),
        3 => bytes.extend_from_slice(&[(n >> 10) as u8, (n >> 2) as u8]),
        _ => {}
    }
    Ok(bytes)
}

#[cfg(all(test, feature = "deflate"))]
mod tests {
    use super::*;
    use crate::templates::Template;
    use crate::SCHEMA_VERSION;

    fn sample() -> JourneyMap {
        Template::Ecommerce.build("share-test".into(), 42)
    }

    #[test]
    fn base64url_matches_the_rfc_4648_examples() {
        // RFC 4648 §10 with the padding dropped, and the two url-safe characters.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64url_encode(plain.as_bytes(), &mut out);
            assert_eq!(out, coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        let mut out = String::new();
        base64url_encode(&[0xfb, 0xff], &mut out);
        assert_eq!(out, "-_8");
        assert_eq!(base64url_decode("ab+c"), Err(2));
        assert_eq!(base64url_decode("Zm9vY"), Ok(b"foo".to_vec()));
    }

    #[test]
    fn a_map_goes_through_a_link_unchanged_and_small() {
        let map = sample();
        let link = encode(&map, None);
        assert!(link.starts_with("j1."));
        assert!(link.len() < compact_json(&map).len());
        assert_eq!(decode(&link), Ok(Shared { map, partner: None }));
    }

    #[test]
    fn a_to_be_link_may_carry_its_as_is_and_nothing_else() {
        let as_is = sample();
        let to_be = crate::to_be::plan_to_be(&as_is, "to-be".into(), 43);
        assert_eq!(
            decode(&encode(&to_be, Some(&as_is))),
            Ok(Shared {
                map: to_be.clone(),
                partner: Some(as_is.clone())
            })
        );
        assert_eq!(
            decode(&encode(&as_is, Some(&to_be))).map(|s| s.partner),
            Ok(Some(to_be.clone()))
        );
        let stranger = Template::FourStage.build("other".into(), 0);
        assert_eq!(
            decode(&encode(&to_be, Some(&stranger))),
            Err(LinkError::NotAPair)
        );
        let broken = format!("{}\n{{", compact_json(&to_be));
        let link = payload(&compress_to_vec_zlib(broken.as_bytes(), 6));
        assert!(matches!(decode(&link), Err(LinkError::Map(_))));
    }

    #[test]
    fn a_cut_or_changed_link_is_refused() {
        let link = encode(&sample(), None);
        assert_eq!(decode(&link[..link.len() - 10]), Err(LinkError::Damaged));
        let middle = link.len() / 2;
        let flipped = if &link[middle..=middle] == "A" {
            "B"
        } else {
            "A"
        };
        let changed = format!("{}{flipped}{}", &link[..middle], &link[middle + 1..]);
        assert_eq!(decode(&changed), Err(LinkError::Damaged));
        assert_eq!(
            decode(&format!("{}%20", &link[..20])),
            Err(LinkError::BadCharacter { at: 20 })
        );
    }

    #[test]
    fn newer_and_foreign_links_are_told_apart() {
        assert_eq!(
            decode("j2.AAAA"),
            Err(LinkError::Newer { tag: "j2".into() })
        );
        assert_eq!(decode("hello"), Err(LinkError::NotALink));
        assert_eq!(decode("x1.AAAA"), Err(LinkError::NotALink));
        let newer_schema = compress_to_vec_zlib(
            compact_json(&sample())
                .replacen(
                    &format!("\"schema\":{SCHEMA_VERSION}"),
                    &format!("\"schema\":{}", SCHEMA_VERSION + 1),
                    1,
                )
                .as_bytes(),
            6,
        );
        let mut link = TAG.to_string();
        base64url_encode(&newer_schema, &mut link);
        assert_eq!(
            decode(&link),
            Err(LinkError::Map(ImportError::NewerSchema {
                found: u64::from(SCHEMA_VERSION) + 1
            }))
        );
    }

    #[test]
    fn a_link_that_unpacks_too_far_is_refused() {
        let bomb = compress_to_vec_zlib(&vec![b' '; MAX_FILE_BYTES + 1], 9);
        let mut link = TAG.to_string();
        base64url_encode(&bomb, &mut link);
        assert!(link.len() < 100_000);
        assert_eq!(decode(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn lengths_are_judged_for_chat_and_browsers() {
        assert_eq!(link_length(2_000), LinkLength::Fine);
        assert_eq!(link_length(9_000), LinkLength::LongForChat);
        assert_eq!(link_length(2_000_000), LinkLength::LongForBrowsers);
    }
}
