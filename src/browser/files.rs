//! Files in and out: downloads made in the page, pictures turned into PNG, printing (to paper
//! or PDF), the clipboard, and text read from picked or dropped files.

use journey_core::picture::Picture;
use journey_core::survey::encoding::TextEncoding;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement,
    HtmlImageElement, Url,
};

fn fail(what: &str) -> String {
    format!("could not prepare the download ({what})")
}

fn blob_url(mime: &str, text: &str) -> Result<String, String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("blob"))?;
    Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))
}

fn click_download(name: &str, url: &str) -> Result<(), String> {
    let anchor: HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into()
        .map_err(|_| fail("link"))?;
    anchor.set_href(url);
    anchor.set_download(name);
    anchor.click();
    Ok(())
}

/// Offers `text` as a download called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let url = blob_url(mime, text)?;
    let result = click_download(name, &url);
    // The click has handed the blob to the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    result
}

/// The largest side a canvas is trusted with; bigger pictures are scaled down to fit.
const MAX_CANVAS_SIDE: f64 = 16_000.0;

/// Draws the picture at twice its size (less if that would pass the canvas limit) and offers
/// it as a PNG called `name`.
pub async fn download_png(name: &str, picture: &Picture) -> Result<(), String> {
    let (width, height) = (f64::from(picture.width), f64::from(picture.height));
    let scale = 2f64
        .min(MAX_CANVAS_SIDE / width)
        .min(MAX_CANVAS_SIDE / height);
    let url = blob_url("image/svg+xml", &picture.svg)?;
    let image = HtmlImageElement::new().map_err(|_| fail("image"))?;
    image.set_src(&url);
    let loaded = JsFuture::from(image.decode()).await;
    let _ = Url::revoke_object_url(&url);
    loaded.map_err(|_| fail("the picture could not be drawn"))?;
    let canvas: HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| fail("canvas"))?
        .dyn_into()
        .map_err(|_| fail("canvas"))?;
    canvas.set_width((width * scale).round() as u32);
    canvas.set_height((height * scale).round() as u32);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| fail("canvas"))?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            width * scale,
            height * scale,
        )
        .map_err(|_| fail("drawing"))?;
    let png = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| fail("png"))?;
    click_download(name, &png)
}

/// Opens the browser's print dialog, where "Save as PDF" is one of the printers.
pub fn print_page() {
    let _ = gloo::utils::window().print();
}

/// Puts text on the clipboard; false where the browser does not allow it.
pub async fn copy_text(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

fn megabytes(bytes: f64) -> f64 {
    bytes / 1_048_576.0
}

/// Reads a picked file's bytes, refusing one larger than `limit` bytes before reading it.
pub async fn read_bytes(file: web_sys::File, limit: usize) -> Result<Vec<u8>, String> {
    if file.size() > limit as f64 {
        return Err(format!(
            "it is {:.1} MB; the limit is {:.0} MB",
            megabytes(file.size()),
            megabytes(limit as f64)
        ));
    }
    let file = gloo_file::File::from(file);
    gloo_file::futures::read_as_bytes(&file)
        .await
        .map_err(|e| format!("could not read the file ({e})"))
}

/// Decodes `bytes` with the browser's own decoder (its byte-order mark dropped), refusing bytes
/// that are not valid in `encoding` rather than putting replacement characters in their place.
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> Result<String, String> {
    let refused = || {
        format!(
            "the file is not valid {}: choose another encoding",
            encoding.label()
        )
    };
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder =
        web_sys::TextDecoder::new_with_label_and_options(encoding.whatwg_name(), &options)
            .map_err(|_| refused())?;
    decoder.decode_with_u8_array(bytes).map_err(|_| refused())
}

/// Reads a picked or dropped file as UTF-8 text, refusing one larger than `limit` bytes before
/// reading it.
pub async fn read_text(file: web_sys::File, limit: usize) -> Result<String, String> {
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
