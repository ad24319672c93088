//! Files in and out: downloads made in the page, and text read from picked or dropped files.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("could not prepare the download ({what})");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("blob"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = gloo::utils::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    // The click has handed the blob to the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// Reads a picked or dropped file as UTF-8 text, refusing one larger than `limit` bytes before
/// reading it.
pub async fn read_text(file: web_sys::File, limit: usize) -> Result<String, String> {
    let megabytes = |bytes: f64| bytes / 1_048_576.0;
    if file.size() > limit as f64 {
        return Err(format!(
            "it is {:.1} MB; the limit is {:.0} MB",
            megabytes(file.size()),
            megabytes(limit as f64)
        ));
    }
    let file = gloo_file::File::from(file);
    gloo_file::futures::read_as_text(&file)
        .await
        .map_err(|e| format!("could not read the file ({e})"))
}
