//! Share links' zlib, done by the browser's own Compression Streams, so neither module carries a
//! compressor of its own.

use journey_core::format::MAX_FILE_BYTES;
use journey_core::share::{self, LinkError, Shared};
use journey_core::JourneyMap;
use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableStreamDefaultReader, ReadableWritablePair};

/// Why a stream stopped: the browser refused the data, or it grew past the limit.
enum Stopped {
    Refused,
    TooLarge,
}

impl From<JsValue> for Stopped {
    fn from(_: JsValue) -> Stopped {
        Stopped::Refused
    }
}

/// `bytes` through a `CompressionStream` or `DecompressionStream` (`kind`) in zlib's format,
/// stopping once the output passes `limit` bytes.
async fn through(kind: &str, bytes: &[u8], limit: usize) -> Result<Vec<u8>, Stopped> {
    let blob = Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    let class: Function = Reflect::get(&js_sys::global(), &JsValue::from_str(kind))?.dyn_into()?;
    let transform = Reflect::construct(&class, &Array::of1(&JsValue::from_str("deflate")))?;
    let stream = blob
        .stream()
        .pipe_through(transform.unchecked_ref::<ReadableWritablePair>());
    let reader: ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await?;
        if Reflect::get(&chunk, &JsValue::from_str("done"))?.is_truthy() {
            return Ok(out);
        }
        let part: Uint8Array = Reflect::get(&chunk, &JsValue::from_str("value"))?.dyn_into()?;
        let at = out.len();
        if at + part.length() as usize > limit {
            let _ = reader.cancel();
            return Err(Stopped::TooLarge);
        }
        out.resize(at + part.length() as usize, 0);
        part.copy_to(&mut out[at..]);
    }
}

/// The share link payload for a map, and the other map of its pair when that goes along.
pub async fn link_payload(
    map: &JourneyMap,
    partner: Option<&JourneyMap>,
) -> Result<String, String> {
    let document = share::document(map, partner);
    match through("CompressionStream", document.as_bytes(), usize::MAX).await {
        Ok(packed) => Ok(share::payload(&packed)),
        Err(_) => Err("this browser could not compress the map".into()),
    }
}

/// The maps a share link payload holds, checked as map files are checked.
pub async fn open_link(payload: &str) -> Result<Shared, LinkError> {
    let packed = share::packed_in(payload)?;
    match through("DecompressionStream", &packed, MAX_FILE_BYTES).await {
        Ok(bytes) => share::read_unpacked(bytes),
        Err(Stopped::TooLarge) => Err(LinkError::TooLarge),
        Err(Stopped::Refused) => Err(LinkError::Damaged),
    }
}
